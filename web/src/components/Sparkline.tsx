import { sparklinePath, type Point } from '../sparkline';

export function Sparkline({ points, label, color }: { points: Point[]; label: string; color: string }) {
  const w = 120;
  const h = 32;
  const d = sparklinePath(points, w, h);
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      {d ? <path d={d} fill="none" stroke={color} stroke-width="2" stroke-linejoin="round" /> : null}
    </svg>
  );
}
