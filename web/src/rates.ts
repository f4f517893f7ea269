// The dashboard's chart of the poverty and near-poverty rates over the years, with the change of
// poverty standard marked on it (standards.ts): a dashed grey line where the standard changes,
// each standard's name over its years, and the standard of the year in the tooltip.
import type { Series } from './api';
import { COLORS, type EChartsOption } from './charts';
import { formatAxisPercent, formatPercent, type Lang } from './format';
import { translate, type Key } from './i18n';
import { MARK_COLOR, MARK_LABEL_ROOM, standardLabel, standardMarks, textWidth } from './standards';

export const RATE_IDS = ['poverty_rate_households', 'near_poverty_rate_households'] as const;

/** The grid's margins: the y axis labels on the left, the legend below. */
const GRID = { left: 48, right: 16, top: 16, bottom: 48 };

/** Whether the legend's items fit on one line (12 px text, a 25 px symbol and 10 px gaps each). */
function legendFits(names: readonly string[], width: number): boolean {
  return names.reduce((w, n) => w + textWidth(n, 12) + 25 + 5 + 10, 0) + 10 <= width;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type AxisParam = { axisValueLabel?: string; name?: string; marker?: string; seriesName?: string; value?: unknown };

/**
 * The option of the rates chart. `standards` holds the standard of each of `s.years` (null where
 * not known, or the whole null while it is asked for); `width` the chart's width in pixels, to
 * fit the standards' names over their years.
 */
export function ratesOption(
  s: Series,
  standards: readonly (string | null)[] | null,
  lang: Lang,
  width = 600,
): EChartsOption {
  const byYear = new Map<string, string | null>(s.years.map((y, i) => [String(y), standards?.[i] ?? null]));
  const marks = standards ? standardMarks(s.years, standards, lang, Math.max(0, width - GRID.left - GRID.right)) : null;
  const names = RATE_IDS.map((id) => translate(lang, `ind.${id}` as Key));
  return {
    tooltip: {
      trigger: 'axis',
      // Inside the chart: on a phone a tooltip past its left edge would leave the screen.
      confine: true,
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as AxisParam[];
        const year = params[0]?.axisValueLabel ?? params[0]?.name ?? '';
        const standard = byYear.get(year);
        const head =
          `<div style="font-weight:600">${escapeHtml(year)}</div>` +
          (standard ? `<div style="color:${MARK_COLOR};font-size:12px">${escapeHtml(standardLabel(standard, lang))}</div>` : '');
        const rows = params.map(
          (p) =>
            `<div style="display:flex;justify-content:space-between;gap:16px">` +
            `<span>${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}</span>` +
            `<strong>${escapeHtml(formatPercent(p.value as number, lang, 2))}</strong></div>`,
        );
        return head + rows.join('');
      },
    },
    legend: { bottom: 0, data: names },
    // On a phone the legend takes two lines: the plot stops above both.
    grid: { ...GRID, top: marks ? GRID.top + MARK_LABEL_ROOM : GRID.top, bottom: legendFits(names, width) ? GRID.bottom : GRID.bottom + 22 },
    xAxis: marks ? [{ type: 'category', data: s.years.map(String) }, marks.xAxis] : { type: 'category', data: s.years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxisPercent(v, lang) } },
    series: [
      ...RATE_IDS.map((id, i) => ({
        name: names[i],
        type: 'line',
        data: s.series[id] ?? [],
        connectNulls: false,
        symbolSize: 6,
        color: i === 0 ? COLORS.poor : COLORS.nearPoor,
      })),
      ...(marks ? [marks.series] : []),
    ],
  };
}
