// What every screen needs: the language (and its translate function) and the signed-in user.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from './api';
import { translate, type Key, type Lang } from './i18n';

export type AppContextValue = {
  lang: Lang;
  user: User | null;
};

export const AppContext = createContext<AppContextValue>({ lang: 'vi', user: null });

export function useApp(): AppContextValue & {
  t: (key: Key, params?: Record<string, string | number>) => string;
} {
  const ctx = useContext(AppContext);
  return { ...ctx, t: (key, params) => translate(ctx.lang, key, params) };
}
