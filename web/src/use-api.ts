// Data for a screen: fetches when its key changes, and while the server answers 503 not_ready
// (it is still loading its analytics snapshot) asks again every few seconds, showing that state.
// A value belongs to the key it was fetched for: after the key changes the screen sees "loading",
// never the previous key's data under the new address.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'not_ready' }
  | { state: 'error'; error: ApiError }
  | { state: 'ok'; data: T };

export const NOT_READY_RETRY_MS = 2000;

const LOADING = { state: 'loading' } as const;

export function useApi<T>(key: string | null, load: () => Promise<T>): Loadable<T> {
  const [held, setHeld] = useState<{ key: string | null; value: Loadable<T> }>({ key: null, value: LOADING });
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (value: Loadable<T>) => {
      if (!cancelled) setHeld({ key, value });
    };
    const attempt = () => {
      load().then(
        (data) => set({ state: 'ok', data }),
        (e: unknown) => {
          if (cancelled) return;
          const error = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
          if (error.status === 503 || error.code === 'not_ready') {
            set({ state: 'not_ready' });
            timer = setTimeout(attempt, NOT_READY_RETRY_MS);
          } else {
            set({ state: 'error', error });
          }
        },
      );
    };
    attempt();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // `load` is a new closure each render; the key says when the request changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return key !== null && held.key === key ? held.value : LOADING;
}
