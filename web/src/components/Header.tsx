import { useApp } from '../context';
import type { Route } from '../router';
import { translateOr } from '../i18n';

type Props = {
  route: Route;
  onLang: () => void;
  onSignOut: () => void;
};

export function Header({ route, onLang, onSignOut }: Props) {
  const { t, user, lang } = useApp();
  const active = (name: string) =>
    route.name === name || (name === 'households' && route.name === 'household') ? 'page' : undefined;
  return (
    <header class="top">
      <div class="brand">
        <a href="#/" class="logo" aria-label={t('app.name')}>
          An Sinh
        </a>
        {user ? (
          <span class="unit" title={t('header.unit')} data-testid="header-unit">
            {user.unit.name}
          </span>
        ) : null}
      </div>
      {user ? (
        <nav aria-label={t('nav.main')} class="nav">
          <a href="#/" aria-current={active('dashboard')}>
            {t('nav.dashboard')}
          </a>
          <a href={`#/units/${encodeURIComponent(user.unit.code)}`} aria-current={active('units')}>
            {t('nav.units')}
          </a>
          <a href="#/households" aria-current={active('households')}>
            {t('nav.households')}
          </a>
        </nav>
      ) : null}
      <div class="tools">
        {user ? (
          <span class="user" title={t('header.user')} data-testid="header-user">
            {user.username} · {translateOr(lang, `role.${user.role}`, user.role)}
          </span>
        ) : null}
        <button type="button" class="link" onClick={onLang} aria-label={t('header.switchLabel')} lang={lang === 'vi' ? 'en' : 'vi'}>
          {t('header.switch')}
        </button>
        {user ? (
          <button type="button" class="link" onClick={onSignOut}>
            {t('header.signout')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
