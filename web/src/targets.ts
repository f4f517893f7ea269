// How a target card reads a target from the API: the number or range it aims at, its note in the
// screen's language, and the colour of its status.
import type { Lang } from './format';
import { formatNumber } from './format';

export type TargetGoal = number | string | { min?: number | null; max?: number | null } | null | undefined;

/** A target's value: integers without decimals, others with up to two. */
export function formatTargetValue(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 1 : 2;
  return formatNumber(value, lang, digits);
}

/** "≥ 100", "≤ 10", "= 0", "32.000–35.000", "−2/năm" from the target's kind and goal. */
export function formatGoal(kind: string, goal: TargetGoal, lang: Lang): string {
  if (goal === null || goal === undefined) return kind === 'zero' ? '= 0' : '—';
  // The server writes the goal as text ("≥ 100", "32.000–35.000"), as the command line does.
  if (typeof goal === 'string') return goal || '—';
  if (typeof goal === 'object') {
    const lo = goal.min ?? null;
    const hi = goal.max ?? null;
    if (lo !== null && hi !== null) return `${formatTargetValue(lo, lang)}–${formatTargetValue(hi, lang)}`;
    if (lo !== null) return `≥ ${formatTargetValue(lo, lang)}`;
    if (hi !== null) return `≤ ${formatTargetValue(hi, lang)}`;
    return '—';
  }
  const n = formatTargetValue(goal, lang);
  switch (kind) {
    case 'at_least':
      return `≥ ${n}`;
    case 'at_most':
    case 'below':
      return `≤ ${n}`;
    case 'zero':
      return '= 0';
    case 'average_reduction':
      return lang === 'vi' ? `−${n} điểm/năm` : `−${n} points a year`;
    default:
      return n;
  }
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
