// The states of a screen's data that are not the data: loading, the server still loading its
// snapshot, no access (403), not found, other errors.
import type { ComponentChildren } from 'preact';
import { useApp } from '../context';
import type { Loadable } from '../use-api';

export function Status<T>({ value, children }: { value: Loadable<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useApp();
  switch (value.state) {
    case 'loading':
      return (
        <p class="state" role="status" aria-live="polite">
          {t('state.loading')}
        </p>
      );
    case 'not_ready':
      return (
        <p class="state state-wait" role="status" aria-live="polite" data-testid="not-ready">
          {t('state.notReady')}
        </p>
      );
    case 'error': {
      const e = value.error;
      const text =
        e.status === 403
          ? t('state.forbidden')
          : e.status === 404
            ? t('state.notFound')
            : e.status === 0
              ? t('state.offline')
              : t('state.error', { message: e.message || e.code });
      return (
        <p class={`state state-error${e.status === 403 ? ' state-forbidden' : ''}`} role="alert" data-testid={`error-${e.status}`}>
          {text}
        </p>
      );
    }
    case 'ok':
      return <>{children(value.data)}</>;
  }
}
