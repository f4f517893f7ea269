// The app: who is signed in, which language, which route. A reload asks /me for the session the
// cookie still holds; a 401 anywhere sends the user back to sign-in.
import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { AppContext } from './context';
import { storedLang, storeLang, translate, type Lang } from './i18n';
import { parseHash, routeHash, type Route } from './router';
import { Header } from './components/Header';
import { Login } from './pages/Login';
import { Dashboard } from './pages/Dashboard';
import { Units } from './pages/Units';
import { Households } from './pages/Households';
import { HouseholdPage } from './pages/Household';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => storedLang(browserStorage()));
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  const [user, setUser] = useState<api.User | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    api.setUnauthorizedHandler(() => {
      setUser(null);
      if (parseHash(window.location.hash).name !== 'login') navigate({ name: 'login' });
    });
    api.me().then(
      (s) => {
        setUser(s.user);
        setChecked(true);
      },
      () => setChecked(true),
    );
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.name');
  }, [lang]);

  const switchLang = () => {
    const next: Lang = lang === 'vi' ? 'en' : 'vi';
    storeLang(browserStorage(), next);
    setLang(next);
  };

  const signOut = async () => {
    try {
      await api.logout();
    } catch {
      // The session may already be gone; signing out locally is what the user asked for.
    }
    setUser(null);
    navigate({ name: 'login' });
  };

  const onSignedIn = (s: api.Session) => {
    setUser(s.user);
    // A deep link opened before signing in is kept; the sign-in page itself leads to the dashboard.
    if (parseHash(window.location.hash).name === 'login') navigate({ name: 'dashboard' });
  };

  let body;
  if (!checked) {
    body = <p class="state">{translate(lang, 'state.loading')}</p>;
  } else if (!user || route.name === 'login') {
    body = <Login onSignedIn={onSignedIn} />;
  } else {
    switch (route.name) {
      case 'dashboard':
        body = <Dashboard unitCode={user.unit.code} year={route.year} />;
        break;
      case 'units':
        body = <Units code={route.code} year={route.year} />;
        break;
      case 'households':
        body = <Households query={route.query} />;
        break;
      case 'household':
        body = <HouseholdPage code={route.code} />;
        break;
      default:
        body = (
          <section class="page">
            <h1>{translate(lang, 'notfound.title')}</h1>
            <a href="#/">{translate(lang, 'notfound.back')}</a>
          </section>
        );
    }
  }

  return (
    <AppContext.Provider value={{ lang, user }}>
      <Header route={route} onLang={switchLang} onSignOut={signOut} />
      <main id="main">{body}</main>
    </AppContext.Provider>
  );
}
