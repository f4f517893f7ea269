// The path of a target card's trend line: the years' values scaled into a small box, gaps where a
// year has no value. SVG, not a chart instance: a dashboard has a dozen cards.

export type Point = { year: number; value: number | null };

/** An SVG path ("M x y L x y ...") through the points with a value; empty if none has one. */
export function sparklinePath(points: Point[], width: number, height: number, pad = 2): string {
  const known = points.filter((p) => p.value !== null && Number.isFinite(p.value));
  if (known.length === 0) return '';
  const years = points.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const values = known.map((p) => p.value as number);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const x = (year: number) =>
    maxYear === minYear ? width / 2 : pad + ((year - minYear) / (maxYear - minYear)) * (width - 2 * pad);
  const y = (v: number) => pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(x(p.year))} ${round(y(p.value))} `;
    pen = true;
  }
  return d.trim();
}
