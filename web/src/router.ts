// Hash routes: the server serves one index.html and needs no fallback for deep links, and a link
// copied from the address bar opens the same screen (with its year, filters and page).
//
//   #/login
//   #/                      dashboard of the user's unit       ?year=2014
//   #/units/96              a unit's indicators and children   ?year=2014
//   #/households            list                               ?unit=&year=&category=&q=&sort=&order=&page=
//   #/households/H123       one household

export type HouseholdQuery = {
  unit?: string;
  year?: number;
  category?: string;
  q?: string;
  sort?: 'name' | 'code' | 'income_pc';
  order?: 'asc' | 'desc';
  page?: number;
};

export type Route =
  | { name: 'login' }
  | { name: 'dashboard'; year?: number }
  | { name: 'units'; code: string; year?: number }
  | { name: 'households'; query: HouseholdQuery }
  | { name: 'household'; code: string }
  | { name: 'notfound'; path: string };

const SORTS = ['name', 'code', 'income_pc'] as const;

function parseYear(v: string | null): number | undefined {
  if (v === null || !/^\d{4}$/.test(v)) return undefined;
  return Number(v);
}

function parsePage(v: string | null): number | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 ? n : undefined;
}

/** The route of a location hash ("#/units/96?year=2014"); unknown paths give notfound. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q >= 0 ? raw.slice(0, q) : raw) || '/';
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);

  if (parts.length === 0) return { name: 'dashboard', year: parseYear(params.get('year')) };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login' };
  if (parts[0] === 'units' && parts.length === 2 && parts[1] !== '')
    return { name: 'units', code: parts[1], year: parseYear(params.get('year')) };
  if (parts[0] === 'households' && parts.length === 2) return { name: 'household', code: parts[1] };
  if (parts[0] === 'households' && parts.length === 1) {
    const query: HouseholdQuery = {};
    const unit = params.get('unit');
    if (unit) query.unit = unit;
    const year = parseYear(params.get('year'));
    if (year !== undefined) query.year = year;
    const category = params.get('category');
    if (category) query.category = category;
    const text = params.get('q');
    if (text) query.q = text;
    const sort = params.get('sort');
    if (sort && (SORTS as readonly string[]).includes(sort)) query.sort = sort as HouseholdQuery['sort'];
    const order = params.get('order');
    if (order === 'asc' || order === 'desc') query.order = order;
    const page = parsePage(params.get('page'));
    if (page !== undefined) query.page = page;
    return { name: 'households', query };
  }
  return { name: 'notfound', path };
}

function withParams(path: string, params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return '#' + path + (s ? '?' + s : '');
}

/** The hash of a route; parseHash(routeHash(r)) gives r back. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'login':
      return '#/login';
    case 'dashboard':
      return withParams('/', { year: route.year });
    case 'units':
      return withParams('/units/' + encodeURIComponent(route.code), { year: route.year });
    case 'households': {
      const q = route.query;
      return withParams('/households', {
        unit: q.unit,
        year: q.year,
        category: q.category,
        q: q.q,
        sort: q.sort,
        order: q.order,
        page: q.page,
      });
    }
    case 'household':
      return '#/households/' + encodeURIComponent(route.code);
    case 'notfound':
      return '#' + route.path;
  }
}
