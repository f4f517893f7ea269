// A unit's indicators for a year and the same key indicators for each of its subordinate units,
// each row leading one level down (province → district → commune), with a breadcrumb back up to
// the user's own unit.
import * as api from '../api';
import { Status } from '../components/Status';
import { useApp } from '../context';
import { formatIndicator, standardName } from '../format';
import { translateOr } from '../i18n';
import { routeHash } from '../router';
import { useApi } from '../use-api';
import { pickYear } from './Dashboard';

/** The columns of the children's table, in this order, when the API has them. */
export const KEY_INDICATORS = [
  'households',
  'poor_households',
  'poverty_rate_households',
  'near_poor_households',
  'near_poverty_rate_households',
  'escaped_households',
  'newly_poor_households',
  'repoor_households',
];

export function Units({ code, year }: { code: string; year?: number }) {
  const { user } = useApp();
  const top = user?.unit.code ?? '';
  // The unit and its ancestors come together, so the heading never shows without its breadcrumb.
  const unit = useApi(`unit:${code}:${top}`, async () => {
    const u = await api.getUnit(code);
    return { unit: u, chain: await ancestors(u, top) };
  });
  return (
    <section class="page units">
      <Status value={unit}>
        {(d) => <UnitBody unit={d.unit} chain={d.chain} year={pickYear(d.unit.years, year)} />}
      </Status>
    </section>
  );
}

/** The unit's ancestors up to (and with) the user's unit, top first. */
async function ancestors(unit: api.Unit, stopAt: string): Promise<api.UnitRef[]> {
  const chain: api.UnitRef[] = [];
  let parent = unit.code === stopAt ? null : unit.parent;
  while (parent) {
    chain.unshift(parent);
    if (parent.code === stopAt) break;
    try {
      parent = (await api.getUnit(parent.code)).parent;
    } catch {
      break; // the trail stops short; the page itself is still the user's to see
    }
  }
  return chain;
}

function Breadcrumb({ unit, chain, year }: { unit: api.Unit; chain: api.UnitRef[]; year: number | undefined }) {
  const { t } = useApp();
  return (
    <nav aria-label={t('units.breadcrumb')} class="breadcrumb" data-testid="breadcrumb">
      <ol>
        {chain.map((u) => (
          <li>
            <a href={routeHash({ name: 'units', code: u.code, year })}>{u.name}</a>
          </li>
        ))}
        <li aria-current="page">{unit.name}</li>
      </ol>
    </nav>
  );
}

function UnitBody({ unit, chain, year }: { unit: api.Unit; chain: api.UnitRef[]; year: number | undefined }) {
  const { t, lang } = useApp();
  const code = encodeURIComponent(unit.code);
  const ind = useApi(year === undefined ? null : `ind:${unit.code}:${year}`, () =>
    api.get<api.Indicators>(`/units/${code}/indicators`, { year }),
  );
  return (
    <>
      <Breadcrumb unit={unit} chain={chain} year={year} />
      <div class="page-head">
        <h1>{t('units.title', { unit: unit.name, year: year ?? '—' })}</h1>
        <div class="page-tools">
          {year !== undefined ? (
            <label class="year-picker">
              <span>{t('common.year')}</span>
              <select
                value={String(year)}
                data-testid="year-select"
                onChange={(e) =>
                  (window.location.hash = routeHash({ name: 'units', code: unit.code, year: Number((e.target as HTMLSelectElement).value) }))
                }
              >
                {[...unit.years]
                  .sort((a, b) => b - a)
                  .map((y) => (
                    <option value={String(y)}>{y}</option>
                  ))}
              </select>
            </label>
          ) : null}
          <a class="button" href={routeHash({ name: 'households', query: { unit: unit.code, year } })}>
            {t('units.households', { unit: unit.name })}
          </a>
        </div>
      </div>
      {year === undefined ? (
        <p class="state">{t('state.empty')}</p>
      ) : (
        <Status value={ind}>
          {(d) => {
            const byId = new Map(d.indicators.map((i) => [i.id, i]));
            const cols = KEY_INDICATORS.filter((id) => byId.has(id));
            const name = (i: api.Indicator) => (lang === 'vi' ? i.name_vi : i.name_en);
            return (
              <>
                {d.standard ? <p class="muted">{t('units.standard', { standard: standardName(d.standard, lang) })}</p> : null}
                {d.children.length ? (
                  <section aria-labelledby="children-title">
                    <h2 id="children-title">{t('units.children')}</h2>
                    <div class="table-wrap">
                      <table class="data" data-testid="children-table">
                        <thead>
                          <tr>
                            <th scope="col">{translateOr(lang, `level.${d.children[0].level ?? unit.children[0]?.level}`, t('common.unit'))}</th>
                            {cols.map((id) => (
                              <th scope="col" class="num">
                                {name(byId.get(id)!)}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {d.children.map((c) => (
                            <tr>
                              <th scope="row">
                                <a href={routeHash({ name: 'units', code: c.code, year })} aria-label={t('units.open', { unit: c.name })}>
                                  {c.name}
                                </a>
                              </th>
                              {cols.map((id) => (
                                <td class="num">{formatIndicator(c.values[id], byId.get(id)!.unit, lang)}</td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr>
                            <th scope="row">{unit.name}</th>
                            {cols.map((id) => (
                              <td class="num">{formatIndicator(byId.get(id)!.value, byId.get(id)!.unit, lang)}</td>
                            ))}
                          </tr>
                        </tfoot>
                      </table>
                    </div>
                  </section>
                ) : null}
                <section aria-labelledby="ind-title">
                  <h2 id="ind-title">{t('units.indicators')}</h2>
                  <div class="table-wrap narrow">
                    <table class="data" data-testid="indicator-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('units.indicator')}</th>
                          <th scope="col" class="num">
                            {t('common.value')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.indicators.map((i) => (
                          <tr data-indicator={i.id}>
                            <th scope="row">{name(i)}</th>
                            <td class="num">{formatIndicator(i.value, i.unit, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              </>
            );
          }}
        </Status>
      )}
    </>
  );
}
