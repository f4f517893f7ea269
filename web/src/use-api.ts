// Data for a screen: fetches when its key changes, and while the server answers 503 not_ready
// (it is still loading its analytics snapshot) asks again every few seconds, showing that state.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'not_ready' }
  | { state: 'error'; error: ApiError }
  | { state: 'ok'; data: T };

export const NOT_READY_RETRY_MS = 2000;

export function useApi<T>(key: string | null, load: () => Promise<T>): Loadable<T> {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setValue({ state: 'loading' });
    const attempt = () => {
      load().then(
        (data) => {
          if (!cancelled) setValue({ state: 'ok', data });
        },
        (e: unknown) => {
          if (cancelled) return;
          const error = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
          if (error.status === 503 || error.code === 'not_ready') {
            setValue({ state: 'not_ready' });
            timer = setTimeout(attempt, NOT_READY_RETRY_MS);
          } else {
            setValue({ state: 'error', error });
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
  return key === null ? { state: 'loading' } : value;
}
