// The poverty standard that classified each year, where it changes, and the marks that show the
// change on a chart of rates over the years. A rate jumps where the standard changes (the demo:
// 2010–2015 under the income standard of 2011–2015, 2016–2020 under the multidimensional standard
// of 2016–2020) for a reason that is not the households' lives, and a reader must see it.
//
// The standard of each year comes with the series answer, as `standards` beside `years` (one id
// or null a year).
import type { Lang } from './format';
import { translate } from './i18n';

/** One standard's run of consecutive years: the years' first and last index in the series. */
export type StandardSpan = { standard: string; from: number; to: number; start: number; end: number };

/**
 * The runs of years classified under one standard, in order. A year without a known standard
 * (null) belongs to no run and ends the one before it.
 */
export function standardSpans(years: readonly number[], standards: readonly (string | null | undefined)[]): StandardSpan[] {
  const spans: StandardSpan[] = [];
  for (let i = 0; i < years.length; i++) {
    const s = standards[i] ?? null;
    if (s === null) continue;
    const last = spans[spans.length - 1];
    if (last && last.standard === s && last.end === i - 1) {
      last.end = i;
      last.to = years[i];
    } else {
      spans.push({ standard: s, from: years[i], to: years[i], start: i, end: i });
    }
  }
  return spans;
}

/** A change of standard: the first year (and its index) classified under `standard`, after `previous`. */
export type StandardChange = { year: number; index: number; standard: string; previous: string };

/** Each year whose standard differs from the last year before it with a known standard. */
export function standardChanges(years: readonly number[], standards: readonly (string | null | undefined)[]): StandardChange[] {
  const spans = standardSpans(years, standards);
  const out: StandardChange[] = [];
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].standard !== spans[i - 1].standard) {
      out.push({ year: spans[i].from, index: spans[i].start, standard: spans[i].standard, previous: spans[i - 1].standard });
    }
  }
  return out;
}

/** What a standard's id says: its period, whether it is the nation's, and its kind. */
export function describeStandard(id: string): { from: number; to: number; national: boolean; multidimensional: boolean } | null {
  const m = /(?:^|-)(\d{4})-(\d{4})(?:-|$)/.exec(id);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  // Viet Nam's standards are income-only up to 2011–2015 and multidimensional from 2016 on
  // (QĐ 59/2015/QĐ-TTg, NĐ 07/2021/NĐ-CP); a province's own standard raises the nation's of its period.
  return { from, to, national: /^vn-\d{4}-\d{4}$/.test(id), multidimensional: from >= 2016 };
}

function standardWords(id: string, lang: Lang, sentence: boolean): string {
  const d = describeStandard(id);
  if (!d) return translate(lang, sentence ? 'std.otherPhrase' : 'std.other', { id });
  const params = {
    period: `${d.from}–${d.to}`,
    kind: translate(lang, d.multidimensional ? 'std.multidimensional' : 'std.income'),
  };
  const key = d.national ? (sentence ? 'std.phrase' : 'std.label') : sentence ? 'std.provincialPhrase' : 'std.provincialLabel';
  return translate(lang, key, params);
}

/** A standard as a chart names it: "Chuẩn 2016–2020 (đa chiều)", "2016–2020 standard (multidimensional)". */
export function standardLabel(id: string, lang: Lang): string {
  return standardWords(id, lang, false);
}

/** The same inside a sentence: "chuẩn 2016–2020 (đa chiều)". */
export function standardPhrase(id: string, lang: Lang): string {
  return standardWords(id, lang, true);
}

/** The sentences under the chart: one a change, saying that part of that year's change is the standard's. */
export function standardNotes(changes: readonly StandardChange[], lang: Lang): string[] {
  return changes.map((c) =>
    translate(lang, 'dash.standardChange', {
      year: c.year,
      standard: standardPhrase(c.standard, lang),
      previous: standardPhrase(c.previous, lang),
    }),
  );
}

/** Discreet grey, darker than the grid lines, lighter than the axis labels. */
export const MARK_COLOR = '#7b8591';

/**
 * About how wide `text` is at 11 px in Be Vietnam Pro, in pixels (measured in Chromium: digits
 * 6.9, small letters 6.1 on average, capitals 7.6, the en dash 7.5, brackets 4.8, a space 2.5);
 * Vietnamese letters as their base letter.
 */
export function textWidth(text: string, fontSize = 11): number {
  let w = 0;
  for (const c of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    if (/[0-9]/.test(c)) w += 6.9;
    else if (/[a-zđ]/.test(c)) w += 6.1;
    else if (/[A-ZĐ]/.test(c)) w += 7.6;
    else if (c === ' ') w += 2.5;
    else if (c === '–' || c === '—') w += 7.5;
    else w += 4.8;
  }
  return (w * fontSize) / 11;
}

/**
 * A standard's name as it fits over `width` pixels: on one line, else on two before its kind
 * ("Chuẩn 2016–2020" / "(đa chiều)"), else not at all (null: the tooltip and the note still say it).
 */
export function fitLabel(label: string, width: number): string | null {
  const room = width - 4;
  if (textWidth(label) <= room) return label;
  const cut = label.lastIndexOf(' (');
  if (cut > 0) {
    const lines = [label.slice(0, cut), label.slice(cut + 1)];
    if (Math.max(...lines.map((l) => textWidth(l))) <= room) return lines.join('\n');
  }
  return null;
}

/** The room above the plot the marks' labels need: two lines of 13 px and a gap. */
export const MARK_LABEL_ROOM = 32;

/**
 * The marks of the standards on a line chart whose category axis has `years`: a helper series on
 * a hidden value axis that places year i at i (so a line can stand between two years, at i − 0.5),
 * carrying a dashed grey line at each change and each standard's name over its years. With one
 * standard (or none known) there is nothing to mark: `null`.
 *
 * `plotWidth` is the plotting area's width in pixels, to fit each name over its years.
 */
export function standardMarks(
  years: readonly number[],
  standards: readonly (string | null | undefined)[],
  lang: Lang,
  plotWidth: number,
): { xAxis: Record<string, unknown>; series: Record<string, unknown> } | null {
  const changes = standardChanges(years, standards);
  if (changes.length === 0) return null;
  const spans = standardSpans(years, standards);
  const n = years.length;
  return {
    // Category i of a category axis with a boundary gap sits at (i + 0.5) / n of the width, as the
    // value i does on a value axis from −0.5 to n − 0.5.
    xAxis: { type: 'value', min: -0.5, max: n - 0.5, show: false, axisPointer: { show: false } },
    series: {
      id: 'standards',
      type: 'line',
      xAxisIndex: 1,
      data: [],
      silent: true,
      tooltip: { show: false },
      markLine: {
        silent: true,
        symbol: ['none', 'none'],
        animation: false,
        lineStyle: { type: 'dashed', color: MARK_COLOR, width: 1 },
        label: { show: false },
        emphasis: { disabled: true },
        data: changes.map((c) => ({ xAxis: c.index - 0.5, name: standardLabel(c.standard, lang) })),
      },
      markArea: {
        silent: true,
        animation: false,
        itemStyle: { color: 'rgba(0,0,0,0)' },
        emphasis: { disabled: true },
        label: { position: 'top', distance: 4, color: MARK_COLOR, fontSize: 11, lineHeight: 13, align: 'center' },
        data: spans.map((s) => {
          const text = fitLabel(standardLabel(s.standard, lang), ((s.end - s.start + 1) / n) * plotWidth);
          return [
            { name: text ?? '', xAxis: s.start - 0.5, label: { show: text !== null } },
            { xAxis: s.end + 0.5 },
          ];
        }),
      },
    },
  };
}
