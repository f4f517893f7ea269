// The transitions between two years in one shape whatever the API's layout: a matrix of counts
// from each state to each state, and the three totals the dashboard names.

export const STATES = ['poor', 'near_poor', 'middle', 'other', 'new', 'left'] as const;
export type State = (typeof STATES)[number];

export type TransitionMatrix = {
  from: number | null;
  to: number | null;
  counts: Record<string, Record<string, number>>;
  escaped: number | null;
  newly_poor: number | null;
  repoor: number | null;
};

type Cell = { from_state?: string; to_state?: string; from?: string | number; to?: string | number; households?: number; count?: number };

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Accepts {matrix: {poor: {other: 88}}}, {matrix: [[...]], states: [...]}, or a list of cells
 * {from_state, to_state, households}; totals from {totals: {...}} or top-level fields.
 */
export function normalizeTransitions(data: unknown): TransitionMatrix {
  const d = (data ?? {}) as Record<string, unknown>;
  const counts: Record<string, Record<string, number>> = {};
  const add = (f: string, t: string, n: number) => {
    counts[f] ??= {};
    counts[f][t] = (counts[f][t] ?? 0) + n;
  };
  const cells: Cell[] | null = Array.isArray(data)
    ? (data as Cell[])
    : Array.isArray(d.cells)
      ? (d.cells as Cell[])
      : null;
  if (cells) {
    for (const c of cells) {
      const f = String(c.from_state ?? c.from ?? '');
      const t = String(c.to_state ?? c.to ?? '');
      const n = num(c.households) ?? num(c.count) ?? 0;
      if (f && t) add(f, t, n);
    }
  } else if (Array.isArray(d.matrix)) {
    const states = (Array.isArray(d.states) ? d.states : STATES) as string[];
    const rows = (Array.isArray(d.from_states) ? d.from_states : states) as string[];
    const cols = (Array.isArray(d.to_states) ? d.to_states : states) as string[];
    (d.matrix as unknown[][]).forEach((row, i) =>
      row.forEach((n, j) => {
        if (rows[i] && cols[j]) add(rows[i], cols[j], num(n) ?? 0);
      }),
    );
  } else if (d.matrix && typeof d.matrix === 'object') {
    for (const [f, row] of Object.entries(d.matrix as Record<string, Record<string, unknown>>)) {
      for (const [t, n] of Object.entries(row ?? {})) add(f, t, num(n) ?? 0);
    }
  }
  const totals = (d.totals ?? d) as Record<string, unknown>;
  const cell = (f: string, t: string) => counts[f]?.[t] ?? 0;
  const fallbackEscaped = cells || d.matrix ? ['near_poor', 'middle', 'other'].reduce((s, t) => s + cell('poor', t), 0) : null;
  const first = cells && cells.length > 0 ? (cells[0] as Record<string, unknown>) : {};
  return {
    from: num(d.from) ?? num(first.from) ?? null,
    to: num(d.to) ?? num(first.to) ?? null,
    counts,
    escaped: num(totals.escaped) ?? fallbackEscaped,
    newly_poor: num(totals.newly_poor),
    repoor: num(totals.repoor),
  };
}
