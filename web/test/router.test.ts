import { describe, expect, it } from 'vitest';
import { parseHash, routeHash, type Route } from '../src/router';

describe('parseHash', () => {
  it('reads the dashboard, with and without a year', () => {
    expect(parseHash('')).toEqual({ name: 'dashboard', year: undefined });
    expect(parseHash('#/')).toEqual({ name: 'dashboard', year: undefined });
    expect(parseHash('#/?year=2014')).toEqual({ name: 'dashboard', year: 2014 });
    expect(parseHash('#/?year=abc')).toEqual({ name: 'dashboard', year: undefined });
  });
  it('reads units, households and a household', () => {
    expect(parseHash('#/login')).toEqual({ name: 'login' });
    expect(parseHash('#/units/96?year=2015')).toEqual({ name: 'units', code: '96', year: 2015 });
    expect(parseHash('#/households/31999-00001')).toEqual({ name: 'household', code: '31999-00001' });
    expect(parseHash('#/households?unit=964&q=nguy%E1%BB%85n&sort=income_pc&order=desc&page=3&category=poor&year=2016')).toEqual({
      name: 'households',
      query: { unit: '964', q: 'nguyễn', sort: 'income_pc', order: 'desc', page: 3, category: 'poor', year: 2016 },
    });
  });
  it('drops parameters it does not know the values of', () => {
    expect(parseHash('#/households?sort=secret&order=up&page=0')).toEqual({ name: 'households', query: {} });
  });
  it('gives notfound for other paths', () => {
    expect(parseHash('#/nowhere')).toEqual({ name: 'notfound', path: '/nowhere' });
    expect(parseHash('#/units')).toEqual({ name: 'notfound', path: '/units' });
  });
});

describe('routeHash', () => {
  const routes: Route[] = [
    { name: 'login' },
    { name: 'dashboard', year: undefined },
    { name: 'dashboard', year: 2016 },
    { name: 'units', code: '964', year: 2014 },
    { name: 'units', code: '31999', year: undefined },
    { name: 'household', code: '31999-00001' },
    { name: 'households', query: {} },
    { name: 'households', query: { unit: '964', q: 'Nguyễn Văn A & co', sort: 'code', order: 'asc', page: 2, category: 'near_poor', year: 2015 } },
  ];
  it('round-trips every route through parseHash', () => {
    for (const r of routes) expect(parseHash(routeHash(r))).toEqual(r);
  });
  it('writes no empty parameters', () => {
    expect(routeHash({ name: 'households', query: { q: '' } })).toBe('#/households');
    expect(routeHash({ name: 'dashboard' })).toBe('#/');
  });
});
