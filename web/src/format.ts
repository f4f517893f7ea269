// Numbers, money, percentages and dates as the screens show them. Vietnamese writes 12.345,6
// (dots group thousands, a comma before decimals) and dates dd/mm/yyyy; English gets 12,345.6 and
// the same dd/mm/yyyy. Written by hand rather than through Intl so that the output does not
// depend on the browser's ICU data (an old office PC's browser may lack the vi locale).

export type Lang = 'vi' | 'en';

const DASH = '—';

/** Groups and separators for `lang`; `digits` decimals, rounded half away from zero. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const negative = value < 0;
  const fixed = roundHalfAway(Math.abs(value), digits);
  const [int, frac] = fixed.split('.');
  const group = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = negative && /[1-9]/.test(fixed) ? '−' : '';
  return sign + grouped + (frac ? decimal + frac : '');
}

function roundHalfAway(abs: number, digits: number): string {
  // toFixed rounds binary values (1.005 -> "1.00"); shifting by a decimal exponent in the string
  // form first rounds the decimal the reader sees.
  const shifted = Number(`${abs}e${digits}`);
  const rounded = Math.round(shifted);
  return Number(`${rounded}e-${digits}`).toFixed(digits);
}

/** A percentage given in percent (12.34 -> "12,3%"). */
export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return formatNumber(value, lang, digits) + '%';
}

/**
 * A chart axis tick in percent with as many decimals as the tick has (0%, 0,5%, 1%, …): a fixed
 * 0 decimals writes the ticks 0,5 and 1 both as "1%".
 */
export function formatAxisPercent(value: number, lang: Lang): string {
  const digits = [0, 1, 2].find((d) => Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-6) ?? 2;
  return formatPercent(value, lang, digits);
}

/**
 * A poverty standard's id as a reader says it: "vn-2016-2020" is the national standard of the
 * period 2016–2020 ("Chuẩn nghèo: quốc gia giai đoạn 2016–2020"); another id (a province's own) is shown as it is.
 */
export function standardName(id: string | null | undefined, lang: Lang): string {
  if (!id) return DASH;
  const m = /^vn-(\d{4})-(\d{4})$/.exec(id);
  if (!m) return id;
  return lang === 'vi' ? `quốc gia giai đoạn ${m[1]}–${m[2]}` : `national, ${m[1]}–${m[2]}`;
}

/** Integer VND: "1.234.000 đ" or "1,234,000 VND". */
export function formatVnd(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const n = formatNumber(value, lang, 0);
  return lang === 'vi' ? `${n} đ` : `${n} VND`;
}

/** dd/mm/yyyy from an ISO date ("2014-05-17") or timestamp ("2014-05-17T08:00:00Z"). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * An indicator's value by its unit in config/indicators: counts as integers, percentages with one
 * decimal, ratios with three, points (a change of a rate) signed.
 */
export function formatIndicator(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  switch (unit) {
    case 'percent':
      return formatPercent(value, lang, 2);
    case 'points': {
      const s = formatNumber(value, lang, 2);
      return value > 0 ? '+' + s : s;
    }
    case 'ratio':
      return formatNumber(value, lang, 3);
    case 'vnd':
      return formatVnd(value, lang);
    default:
      return Number.isInteger(value) ? formatNumber(value, lang, 0) : formatNumber(value, lang, 2);
  }
}

/**
 * Lower case without diacritics, đ as d: what the server's search folds names to, used here only
 * to mark the matched part of a name.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
