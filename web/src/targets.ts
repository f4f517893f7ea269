// How a target card reads a target from the API: the number or range it aims at, its note in the
// screen's language, and the colour of its status.
import type { Lang } from './format';
import { formatNumber } from './format';

export type GoalOp = '≥' | '≤' | '<' | '>' | '=';
/** The goal: the server's numbers ({op, value} or {min, max}), or its text from older servers. */
export type TargetGoal =
  | number
  | string
  | { min?: number | null; max?: number | null }
  | { op: GoalOp; value: number }
  | null
  | undefined;

/** A target's value: integers without decimals, others with up to two. */
export function formatTargetValue(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 1 : 2;
  return formatNumber(value, lang, digits);
}

/** A number as the server writes it in a goal: "32.000" (dots group thousands), "2,5". */
function parseViNumber(text: string): number | null {
  const t = text.trim().replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

type ParsedGoal = { op: GoalOp; value: number } | { min: number; max: number };

/**
 * The goal the server writes as text (analytics TargetText: "≥ 100", "< 10", "32.000–35.000",
 * "≥ 2/năm/year", "0", "> 1 × chuẩn quốc gia/national"), read back into numbers so that the card
 * can write it in the screen's language; null when the text has another shape.
 */
export function parseGoalText(text: string): ParsedGoal | null {
  const range = /^\s*([\d.,]+)\s*[–-]\s*([\d.,]+)\s*$/.exec(text);
  if (range) {
    const min = parseViNumber(range[1]);
    const max = parseViNumber(range[2]);
    return min !== null && max !== null ? { min, max } : null;
  }
  const cmp = /^\s*(≥|≤|<|>|=)?\s*([\d.,]+)/.exec(text);
  if (!cmp) return null;
  const value = parseViNumber(cmp[2]);
  if (value === null) return null;
  return { op: (cmp[1] as '≥' | '≤' | '<' | '>' | '=' | undefined) ?? '=', value };
}

/** The unit written after a target's numbers: "%" for a percentage indicator, else nothing. */
export function unitSuffix(unit: string | null | undefined): string {
  return unit === 'percent' ? '%' : '';
}

/**
 * "≥ 100%", "< 10%", "32.000–35.000", "≥ 2 điểm %/năm", "= 0", "> 1 × chuẩn quốc gia" from the
 * target's kind and goal (a number, {min, max}, or the server's text), in the screen's language.
 */
export function formatGoal(kind: string, goal: TargetGoal, lang: Lang, suffix = ''): string {
  if (goal === null || goal === undefined) return kind === 'zero' ? '= 0' : '—';
  if (kind === 'provincial_line') return lang === 'vi' ? '> 1 × chuẩn quốc gia' : '> 1 × the national line';
  if (typeof goal === 'string') {
    const parsed = parseGoalText(goal);
    // Another shape of text is shown as the server wrote it rather than guessed at.
    if (!parsed) return goal || '—';
    goal = parsed;
  }
  if (typeof goal === 'object' && 'op' in goal) {
    if (kind !== 'average_reduction' && kind !== 'zero') {
      return `${goal.op} ${formatTargetValue(goal.value, lang)}${suffix}`;
    }
    goal = goal.value;
  }
  if (typeof goal === 'object') {
    const lo = goal.min ?? null;
    const hi = goal.max ?? null;
    if (lo !== null && hi !== null) return `${formatTargetValue(lo, lang)}–${formatTargetValue(hi, lang)}${suffix}`;
    if (lo !== null) return `≥ ${formatTargetValue(lo, lang)}${suffix}`;
    if (hi !== null) return `≤ ${formatTargetValue(hi, lang)}${suffix}`;
    return '—';
  }
  const n = formatTargetValue(goal, lang);
  switch (kind) {
    case 'at_least':
      return `≥ ${n}${suffix}`;
    case 'at_most':
    case 'below':
      return `≤ ${n}${suffix}`;
    case 'zero':
      return '= 0';
    case 'average_reduction':
      // The poverty rate down by at least this many percentage points a year on average.
      return lang === 'vi' ? `giảm ≥ ${n} điểm %/năm` : `down ≥ ${n} points a year`;
    default:
      return n + suffix;
  }
}

/** What follows a target's current value: its unit, or "điểm %/năm" for an average reduction. */
export function valueSuffix(kind: string, suffix: string, lang: Lang): string {
  if (kind === 'average_reduction') return lang === 'vi' ? ' điểm %/năm' : ' points a year';
  if (kind === 'provincial_line') return ' ×';
  return suffix;
}

/**
 * The note in one language. The API may give note_vi and note_en, or one note written
 * "tiếng Việt / English" as the configuration files do.
 */
export function noteFor(
  t: { note?: string | null; note_vi?: string | null; note_en?: string | null },
  lang: Lang,
): string | null {
  const own = lang === 'vi' ? t.note_vi : t.note_en;
  if (own) return own;
  // With note_vi beside it, `note` is the English one (docs/api.md).
  if (t.note_vi !== undefined && t.note_vi !== null) return lang === 'en' ? (t.note ?? null) : t.note_vi;
  if (!t.note) return null;
  const i = t.note.indexOf(' / ');
  if (i < 0) return t.note;
  return lang === 'vi' ? t.note.slice(0, i).trim() : t.note.slice(i + 3).trim();
}

export const STATUS_COLORS: Record<string, string> = {
  met: '#1e7a3c',
  on_track: '#1f5f99',
  off_track: '#b03a2e',
  no_data: '#6b6b6b',
};

export function statusColor(status: string): string {
  return STATUS_COLORS[status] ?? STATUS_COLORS.no_data;
}
