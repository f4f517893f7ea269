// The dashboard of the user's unit for one year: the resolution's targets as cards, the poverty
// and near-poverty rates over the years (with the change of poverty standard marked), the rate by
// subordinate unit as bars and (for a province) on the map of its districts, and the movements in
// and out of poverty.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import * as api from '../api';
import { COLORS, echarts, type EChartsOption } from '../charts';
import { Chart } from '../components/Chart';
import { Sparkline } from '../components/Sparkline';
import { Status } from '../components/Status';
import { useApp } from '../context';
import { formatAxisPercent, formatNumber, formatPercent, type Lang } from '../format';
import { translateOr, type Key } from '../i18n';
import { RATE_IDS, ratesOption } from '../rates';
import { routeHash } from '../router';
import { standardChanges, standardNotes } from '../standards';
import { formatGoal, formatTargetValue, noteFor, statusColor, unitSuffix, valueSuffix } from '../targets';
import { normalizeTransitions, STATES, type TransitionMatrix } from '../transitions';
import { useApi } from '../use-api';
import { featureCode, type GeoJson } from '../geo';

const MOVE_IDS = ['escaped_households', 'newly_poor_households', 'repoor_households'] as const;

export function pickYear(years: number[], wanted: number | undefined): number | undefined {
  if (wanted !== undefined && years.includes(wanted)) return wanted;
  return years.length ? Math.max(...years) : undefined;
}

export function Dashboard({ unitCode, year }: { unitCode: string; year?: number }) {
  const { t } = useApp();
  const unit = useApi(`unit:${unitCode}`, () => api.getUnit(unitCode));
  return (
    <section class="page dashboard">
      <Status value={unit}>{(u) => <DashboardBody unit={u} year={pickYear(u.years, year)} />}</Status>
      {unit.state === 'loading' ? <h1 class="sr-only">{t('nav.dashboard')}</h1> : null}
    </section>
  );
}

function YearPicker({ years, year, onPick }: { years: number[]; year: number; onPick: (y: number) => void }) {
  const { t } = useApp();
  return (
    <label class="year-picker">
      <span>{t('common.year')}</span>
      <select
        value={String(year)}
        onChange={(e) => onPick(Number((e.target as HTMLSelectElement).value))}
        data-testid="year-select"
      >
        {[...years]
          .sort((a, b) => b - a)
          .map((y) => (
            <option value={String(y)}>{y}</option>
          ))}
      </select>
    </label>
  );
}

function DashboardBody({ unit, year }: { unit: api.Unit; year: number | undefined }) {
  const { t, lang } = useApp();
  const code = encodeURIComponent(unit.code);
  const targets = useApi(year === undefined ? null : `targets:${unit.code}:${year}`, () =>
    api.get<{ targets: api.Target[] }>(`/units/${code}/targets`, { year }),
  );
  const series = useApi(`series:${unit.code}`, () =>
    api.get<api.Series>(`/units/${code}/series`, { indicators: [...RATE_IDS, ...MOVE_IDS].join(',') }),
  );
  const indicators = useApi(year === undefined ? null : `ind:${unit.code}:${year}`, () =>
    api.get<api.Indicators>(`/units/${code}/indicators`, { year }),
  );
  const hasPrev = year !== undefined && unit.years.includes(year - 1);
  const transitions = useApi(hasPrev ? `tr:${unit.code}:${year}` : null, () =>
    api.get<unknown>(`/units/${code}/transitions`, { from: year! - 1, to: year }).then(normalizeTransitions),
  );
  const showMap = unit.level === 'province';
  // Each indicator's unit, so that a target on a percentage reads "96,80%" against "≥ 100%".
  const units = useMemo(
    () => new Map(indicators.state === 'ok' ? indicators.data.indicators.map((i) => [i.id, i.unit]) : []),
    [indicators],
  );
  const geo = useApi(showMap ? `geo:${unit.code}` : null, () => api.get<GeoJson>(`/units/${code}/geo`));

  if (year === undefined) {
    return (
      <>
        <h1>{t('dash.title', { unit: unit.name })}</h1>
        <p class="state">{t('state.empty')}</p>
      </>
    );
  }
  return (
    <>
      <div class="page-head">
        <h1>{t('dash.title', { unit: unit.name })}</h1>
        <div class="page-tools">
          <YearPicker years={unit.years} year={year} onPick={(y) => (window.location.hash = routeHash({ name: 'dashboard', year: y }))} />
          <a class="button" href={api.apiUrl(`/units/${code}/report.xlsx`, { year })} download>
            {t('common.download')}
          </a>
        </div>
      </div>

      <h2>{t('dash.targets')}</h2>
      <Status value={targets}>
        {(d) =>
          d.targets.length === 0 ? (
            <p class="state">{t('dash.noTargets')}</p>
          ) : (
            <ul class="cards" data-testid="target-cards">
              {d.targets.map((target) => (
                <TargetCard target={target} lang={lang} unit={target.indicator ? units.get(target.indicator) : undefined} />
              ))}
            </ul>
          )
        }
      </Status>

      <div class="grid2">
        <section class="panel" aria-labelledby="rates-title">
          <h2 id="rates-title">{t('dash.rates')}</h2>
          <Status value={series}>
            {(s) => <RatesChart s={s} standards={s.standards ?? null} />}
          </Status>
        </section>
        <section class="panel" aria-labelledby="bars-title">
          <h2 id="bars-title">{t('dash.byChild', { year })}</h2>
          <Status value={indicators}>
            {(d) =>
              d.children.length ? (
                <Chart
                  option={barsOption(d, lang)}
                  label={t('dash.chartLabel', { title: t('dash.byChild', { year }) })}
                  height={Math.max(260, d.children.length * 22 + 60)}
                  testId="chart-children"
                />
              ) : (
                <p class="state">{t('state.empty')}</p>
              )
            }
          </Status>
        </section>
        {showMap ? (
          <section class="panel" aria-labelledby="map-title">
            <h2 id="map-title">{t('dash.map', { year })}</h2>
            <Status value={geo}>
              {(g) => (
                <Status value={indicators}>
                  {(d) => <ProvinceMap unitCode={unit.code} geo={g} indicators={d} lang={lang} label={t('dash.map', { year })} />}
                </Status>
              )}
            </Status>
          </section>
        ) : null}
        <section class="panel" aria-labelledby="moves-title">
          <h2 id="moves-title">{t('dash.transitions')}</h2>
          <Status value={series}>
            {(s) => <Chart option={movesOption(s, lang, t)} label={t('dash.chartLabel', { title: t('dash.transitions') })} testId="chart-transitions" />}
          </Status>
          {hasPrev ? (
            <Status value={transitions}>{(m) => <TransitionTable m={m} from={year - 1} to={year} />}</Status>
          ) : null}
        </section>
      </div>
    </>
  );
}

function TargetCard({ target, lang, unit }: { target: api.Target; lang: Lang; unit?: string }) {
  const { t } = useApp();
  const name = lang === 'vi' ? target.name_vi : target.name_en;
  const status = String(target.status);
  const color = statusColor(status);
  const note = noteFor(target, lang);
  const suffix = unitSuffix(unit);
  const goal = formatGoal(target.kind, target.goal ?? target.target, lang, suffix);
  const after = target.value === null ? '' : valueSuffix(target.kind, suffix, lang);
  const pts = target.series ?? [];
  const years = pts.map((p) => p.year);
  return (
    <li class="card target" data-status={status} data-testid="target-card" style={{ borderTopColor: color }}>
      <h3>{name}</h3>
      <p class="status" style={{ color }}>
        <span class="dot" style={{ background: color }} aria-hidden="true" />
        {translateOr(lang, `status.${status}`, status)}
      </p>
      <dl class="figures">
        <div>
          <dt>{t('dash.value')}</dt>
          <dd class="big">
            <span data-testid="target-value">{formatTargetValue(target.value, lang)}</span>
            {after ? <span class="value-unit">{after}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('dash.target')}</dt>
          <dd>{goal}</dd>
        </div>
      </dl>
      {pts.length > 1 ? (
        <Sparkline
          points={pts}
          color={color}
          label={t('dash.trend', { from: Math.min(...years), to: Math.max(...years) })}
        />
      ) : null}
      <p class="forecast">
        {target.forecast_year ? t('dash.forecast', { year: target.forecast_year }) : status === 'met' || status === 'no_data' ? '' : t('dash.noForecast')}
      </p>
      {note ? <p class="note">{note}</p> : null}
    </li>
  );
}

type T = (key: Key, params?: Record<string, string | number>) => string;

/** An element's width in pixels, followed as it changes (to 10 px, so a resize redraws little). */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth / 10) * 10);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return width;
}

/**
 * The poverty and near-poverty rates over the years. Where the poverty standard changes, a dashed
 * line, each standard's name over its years, the year's standard in the tooltip, and a sentence
 * under the chart: the rates jump there for a reason that is not the households' lives.
 */
function RatesChart({ s, standards }: { s: api.Series; standards: (string | null)[] | null }) {
  const { t, lang } = useApp();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const option = useMemo(() => ratesOption(s, standards, lang, width || undefined), [s, standards, lang, width]);
  const notes = useMemo(() => (standards ? standardNotes(standardChanges(s.years, standards), lang) : []), [s, standards, lang]);
  return (
    <div ref={box}>
      <Chart option={option} label={t('dash.chartLabel', { title: t('dash.rates') })} testId="chart-rates" />
      {notes.map((n) => (
        <p class="note" data-testid="standard-note" style={{ marginTop: '0.4rem' }}>
          {n}
        </p>
      ))}
    </div>
  );
}

function movesOption(s: api.Series, lang: Lang, t: T): EChartsOption {
  const colors = [COLORS.escaped, COLORS.newlyPoor, COLORS.repoor];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(v as number, lang) },
    legend: { bottom: 0 },
    grid: { left: 56, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: s.years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: MOVE_IDS.map((id, i) => ({
      name: t(`ind.${id}` as Key),
      type: 'bar',
      data: s.series[id] ?? [],
      color: colors[i],
    })),
  };
}

function shortName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn)\s+/u, '');
}

function barsOption(d: api.Indicators, lang: Lang): EChartsOption {
  const rows = [...d.children].sort(
    (a, b) => (a.values.poverty_rate_households ?? -1) - (b.values.poverty_rate_households ?? -1),
  );
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatPercent(v as number, lang, 2) },
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxisPercent(v, lang) } },
    yAxis: { type: 'category', data: rows.map((c) => shortName(c.name)) },
    series: [
      {
        type: 'bar',
        data: rows.map((c) => c.values.poverty_rate_households ?? null),
        color: COLORS.poor,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatPercent(p.value, lang, 1) },
      },
    ],
  };
}

function ProvinceMap({
  unitCode,
  geo,
  indicators,
  lang,
  label,
}: {
  unitCode: string;
  geo: GeoJson;
  indicators: api.Indicators;
  lang: Lang;
  label: string;
}) {
  const mapName = `ansinh-${unitCode}`;
  const option = useMemo<EChartsOption>(() => {
    // Each feature is named by its GSO district code, which is also the key of the indicators'
    // children; the label shows the district's name.
    const named = {
      ...geo,
      features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: featureCode(f.properties) } })),
    };
    echarts.registerMap(mapName, named as never);
    const byCode = new Map(indicators.children.map((c) => [c.code, c]));
    const values = indicators.children
      .map((c) => c.values.poverty_rate_households)
      .filter((v): v is number => typeof v === 'number');
    const max = values.length ? Math.max(...values) : 1;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${byCode.get(p.name)?.name ?? p.name}: ${formatPercent(p.value, lang, 2)}`,
      },
      visualMap: {
        min: 0,
        max: Math.ceil(max),
        left: 8,
        bottom: 8,
        calculable: false,
        itemHeight: 120,
        text: [formatPercent(Math.ceil(max), lang, 0), formatPercent(0, lang, 0)],
        textGap: 6,
        inRange: { color: ['#fdf2e2', '#f4a259', '#c0392b', '#6e1a12'] },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          roam: false,
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          emphasis: { label: { color: '#000' }, itemStyle: { areaColor: '#f0b429' } },
          label: { show: true, fontSize: 11, color: '#1d2430', textBorderColor: '#ffffff', textBorderWidth: 2, formatter: (p: { name: string }) => shortName(byCode.get(p.name)?.name ?? '') },
          data: indicators.children.map((c) => ({ name: c.code, value: c.values.poverty_rate_households })),
        },
      ],
    };
  }, [geo, indicators, lang, mapName]);
  if (!geo.features?.length) return null;
  return <Chart option={option} label={label} height={460} testId="chart-map" />;
}

function TransitionTable({ m, from, to }: { m: TransitionMatrix; from: number; to: number }) {
  const { t, lang } = useApp();
  const rows = STATES.filter((s) => s !== 'left');
  const cols = STATES.filter((s) => s !== 'new');
  return (
    <div class="transitions">
      <ul class="totals" data-testid="transition-totals">
        <li style={{ color: COLORS.escaped }}>
          {t('trans.escaped')}: <strong>{formatNumber(m.escaped, lang)}</strong>
        </li>
        <li style={{ color: COLORS.newlyPoor }}>
          {t('trans.newly_poor')}: <strong>{formatNumber(m.newly_poor, lang)}</strong>
        </li>
        <li style={{ color: COLORS.repoor }}>
          {t('trans.repoor')}: <strong>{formatNumber(m.repoor, lang)}</strong>
        </li>
      </ul>
      <div class="table-wrap">
        <table class="matrix">
          <caption>{t('dash.transitionsYear', { from, to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trans.fromTo')}</th>
              {cols.map((c) => (
                <th scope="col">{t(`trans.${c}` as Key)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{t(`trans.${r}` as Key)}</th>
                {cols.map((c) => (
                  <td class="num">{formatNumber(m.counts[r]?.[c] ?? 0, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
