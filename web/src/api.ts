// The client side of `ansinh serve`'s JSON API (docs/api.md). The session is an HttpOnly cookie
// the browser sends by itself; every state-changing request carries the CSRF token that login and
// /me return. Errors come back as {"error": {"code", "message"}} and become ApiError.

export type UnitRef = { code: string; name: string; level?: string };

export type User = {
  username: string;
  role: string;
  unit: UnitRef;
};

export type Session = { user: User; csrf_token: string };

export type Unit = {
  code: string;
  name: string;
  level: string;
  parent: UnitRef | null;
  children: UnitRef[];
  years: number[];
};

export type Indicator = {
  id: string;
  name_vi: string;
  name_en: string;
  unit: string;
  value: number | null;
};

export type Indicators = {
  unit: UnitRef | string;
  year: number;
  standard?: string;
  indicators: Indicator[];
  children: { code: string; name: string; level?: string; values: Record<string, number | null> }[];
};

/** `standards`: the standard that classified each year, beside `years` (one id or null a year). */
export type Series = { years: number[]; standards?: (string | null)[]; series: Record<string, (number | null)[]> };

export type TargetStatus = 'met' | 'on_track' | 'off_track' | 'no_data';

export type Target = {
  id: string;
  name_vi: string;
  name_en: string;
  indicator?: string | null;
  kind: string;
  value: number | null;
  target: number | string | { min?: number | null; max?: number | null } | null;
  /** The goal as numbers (servers since this field): {op, value} or {min, max}; null for the provincial line. */
  goal?: { op: '≥' | '≤' | '<' | '>' | '='; value: number } | { min: number; max: number } | null;
  target_max?: number | null;
  unit?: string | null;
  status: TargetStatus | string;
  forecast_year: number | null;
  note: string | null;
  note_vi?: string | null;
  note_en?: string | null;
  series: { year: number; value: number | null }[];
};

export type HouseholdItem = {
  code: string;
  head_name: string;
  commune: UnitRef;
  hamlet: string;
  members: number;
  income_pc: number | null;
  category: string | null;
};

export type HouseholdPage = {
  total: number;
  page: number;
  page_size: number;
  items: HouseholdItem[];
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session expired): the app goes back to sign-in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export const API = '/api/v1';

/** "/units/96/indicators" + {year: 2014} -> "/api/v1/units/96/indicators?year=2014". */
export function apiUrl(path: string, params?: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
    }
  }
  const s = sp.toString();
  return API + path + (s ? '?' + s : '');
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'offline', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    const apiError = new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText);
    if (res.status === 401 && !url.endsWith('/login') && onUnauthorized) onUnauthorized();
    throw apiError;
  }
  return data as T;
}

export function get<T>(path: string, params?: Record<string, string | number | undefined | null>): Promise<T> {
  return request<T>('GET', apiUrl(path, params));
}

// A unit's place in the tree does not change while the app runs: each is asked for once per
// session (the breadcrumb walks up through the parents on every drill-down).
const units = new Map<string, Promise<Unit>>();

export function getUnit(code: string): Promise<Unit> {
  let p = units.get(code);
  if (!p) {
    p = get<Unit>(`/units/${encodeURIComponent(code)}`);
    units.set(code, p);
    // A failure (403, 503 not_ready, offline) is not kept: the next screen asks again.
    p.catch(() => units.delete(code));
  }
  return p;
}

export function post<T>(path: string, body?: unknown): Promise<T> {
  return request<T>('POST', apiUrl(path), body ?? {});
}

export async function login(username: string, password: string): Promise<Session> {
  units.clear(); // another user may sign in in the same tab: nothing of the last one's is kept
  const s = await post<Session>('/login', { username, password });
  setCsrfToken(s.csrf_token);
  return s;
}

export async function me(): Promise<Session> {
  const s = await get<Session>('/me');
  setCsrfToken(s.csrf_token);
  return s;
}

export async function logout(): Promise<void> {
  units.clear();
  try {
    await post('/logout');
  } finally {
    setCsrfToken('');
  }
}
