// The households of a unit: filters (year, category), a search box the server matches without
// diacritics ("nguyen" finds "Nguyễn"), sorting by column and paging. The filters live in the
// address, so a list can be bookmarked and the back button returns to it.
import { useState } from 'preact/hooks';
import * as api from '../api';
import { Status } from '../components/Status';
import { useApp } from '../context';
import { formatNumber, formatVnd } from '../format';
import { translateOr } from '../i18n';
import { routeHash, type HouseholdQuery } from '../router';
import { useApi } from '../use-api';

export const PAGE_SIZE = 25;
export const CATEGORIES = ['poor', 'near_poor', 'middle', 'other'];

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

function go(query: HouseholdQuery) {
  window.location.hash = routeHash({ name: 'households', query });
}

export function Households({ query }: { query: HouseholdQuery }) {
  const { t, lang, user } = useApp();
  const unitCode = query.unit ?? user!.unit.code;
  const unit = useApi(`unit:${unitCode}`, () => api.getUnit(unitCode));
  const years = unit.state === 'ok' ? unit.data.years : [];
  const year = query.year ?? (years.length ? Math.max(...years) : undefined);
  const key = JSON.stringify({ ...query, unit: unitCode, year });
  const list = useApi(unit.state === 'ok' ? key : null, () =>
    api.get<api.HouseholdPage>('/households', {
      unit: unitCode,
      year,
      category: query.category,
      q: query.q,
      sort: query.sort,
      order: query.order,
      page: query.page ?? 1,
      page_size: PAGE_SIZE,
    }),
  );
  const [text, setText] = useState(query.q ?? '');

  const sortHeader = (column: 'code' | 'name' | 'income_pc', label: string) => {
    const active = (query.sort ?? 'name') === column;
    const order = active ? (query.order ?? 'asc') : undefined;
    const next = active && order === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none'} class={column === 'income_pc' ? 'num' : ''}>
        <button type="button" class="sort" onClick={() => go({ ...query, sort: column, order: next, page: 1 })} aria-label={t('hh.sortBy', { column: label })}>
          {label}
          <span aria-hidden="true">{order === 'asc' ? ' ▲' : order === 'desc' ? ' ▼' : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section class="page households">
      <div class="page-head">
        <h1>
          {t('hh.title')}
          {unit.state === 'ok' ? ` — ${unit.data.name}` : ''}
        </h1>
      </div>
      <form
        class="filters"
        role="search"
        aria-label={t('hh.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...query, q: text.trim() || undefined, page: 1 });
        }}
      >
        <label class="grow">
          <span>{t('hh.search')}</span>
          <input type="search" name="q" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} data-testid="hh-search" />
        </label>
        <label>
          <span>{t('common.year')}</span>
          <select
            value={year === undefined ? '' : String(year)}
            onChange={(e) => go({ ...query, year: Number((e.target as HTMLSelectElement).value), page: 1 })}
          >
            {[...years]
              .sort((a, b) => b - a)
              .map((y) => (
                <option value={String(y)}>{y}</option>
              ))}
          </select>
        </label>
        <label>
          <span>{t('hh.category')}</span>
          <select
            value={query.category ?? ''}
            data-testid="hh-category"
            onChange={(e) => go({ ...query, category: (e.target as HTMLSelectElement).value || undefined, page: 1 })}
          >
            <option value="">{t('hh.allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option value={c}>{translateOr(lang, `cat.${c}`, c)}</option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('hh.searchButton')}
        </button>
      </form>
      <Status value={unit}>
        {() => (
          <Status value={list}>
            {(d) => {
              const pages = pageCount(d.total, d.page_size || PAGE_SIZE);
              return (
                <>
                  <p class="muted" role="status" data-testid="hh-total">
                    {t('hh.found', { total: formatNumber(d.total, lang) })}
                  </p>
                  <div class="table-wrap">
                    <table class="data" data-testid="hh-table">
                      <thead>
                        <tr>
                          {sortHeader('code', t('hh.code'))}
                          {sortHeader('name', t('hh.head'))}
                          <th scope="col">{t('hh.commune')}</th>
                          <th scope="col">{t('hh.hamlet')}</th>
                          <th scope="col" class="num">
                            {t('hh.members')}
                          </th>
                          {sortHeader('income_pc', t('hh.income'))}
                          <th scope="col">{t('hh.category')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.items.map((h) => (
                          <tr>
                            <td>
                              <a href={routeHash({ name: 'household', code: h.code })}>{h.code}</a>
                            </td>
                            <td class="name">{h.head_name}</td>
                            <td>{h.commune?.name}</td>
                            <td>{h.hamlet}</td>
                            <td class="num">{formatNumber(h.members, lang)}</td>
                            <td class="num">{formatVnd(h.income_pc, lang)}</td>
                            <td>
                              <span class={`badge cat-${h.category ?? 'none'}`}>
                                {translateOr(lang, `cat.${h.category ?? 'none'}`, h.category ?? '')}
                              </span>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <nav class="pager" aria-label={t('hh.pager')}>
                    <button type="button" disabled={d.page <= 1} onClick={() => go({ ...query, page: d.page - 1 })}>
                      ‹ {t('hh.prev')}
                    </button>
                    <span>{t('hh.page', { page: formatNumber(d.page, lang), pages: formatNumber(pages, lang) })}</span>
                    <button type="button" disabled={d.page >= pages} onClick={() => go({ ...query, page: d.page + 1 })}>
                      {t('hh.next')} ›
                    </button>
                  </nav>
                </>
              );
            }}
          </Status>
        )}
      </Status>
    </section>
  );
}
