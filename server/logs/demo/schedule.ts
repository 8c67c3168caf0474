import "server-only";
import { Weighted } from "./random";
import { rhythmWeight, WORKLOADS, type Workload } from "./workloads";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Share of all records that are the stolen key's. */
const STOLEN_SHARE = 0.012;

/** Nights the stolen key was used: days before `end`, UTC start hour, hours, relative intensity. */
const BURSTS: readonly (readonly [number, number, number, number])[] = [
  [9, 6, 2, 1],
  [7, 5, 3, 2],
  [6, 7, 1, 1],
  [4, 4, 3, 3],
  [3, 6, 2, 2],
  [1, 5, 3, 3],
];

/** One hour of the window: where it starts, which workloads call in it, and how many records it holds. */
export type Slot = { start: number; workloads: Weighted<Workload>; normal: number; stolen: number; load: number };

/** Splits `total` over `weights` exactly, rounding on the running sum so no slot drifts. */
function allocate(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  let running = 0;
  let given = 0;
  return weights.map((weight) => {
    running += weight;
    const upTo = Math.round((running / sum) * total);
    const n = upTo - given;
    given = upTo;
    return n;
  });
}

let hourOfWeek: { workloads: Weighted<Workload>; total: number; peak: number }[] | undefined;

/** Per hour of the week (weekday × 24 + UTC hour): the workload mix and its total weight. */
function hourTables() {
  if (hourOfWeek) return hourOfWeek;
  const tables = Array.from({ length: 7 * 24 }, (_, how) => {
    const weekday = Math.floor(how / 24);
    const hour = how % 24;
    const entries = WORKLOADS.map((w) => [w, w.weight * rhythmWeight(w.rhythm, hour, weekday)] as const);
    return { workloads: new Weighted(entries), total: entries.reduce((a, [, x]) => a + x, 0), peak: 0 };
  });
  const peak = Math.max(...tables.map((t) => t.total));
  for (const t of tables) t.peak = peak;
  hourOfWeek = tables;
  return tables;
}

/**
 * The window [end − days, end) in hour slots. Depends on `end` only through the UTC clock, so
 * moving `end` by whole weeks moves every record by exactly that much.
 */
export function buildSchedule(count: number, end: Date, days: number): Slot[] {
  const endMs = end.getTime();
  const startMs = endMs - days * DAY;
  const tables = hourTables();
  const slots = Array.from({ length: days * 24 }, (_, i) => {
    const start = startMs + i * HOUR;
    const middle = new Date(start + HOUR / 2);
    const table = tables[middle.getUTCDay() * 24 + middle.getUTCHours()];
    if (!table) throw new Error("hour-of-week table out of range");
    // A gentle upward trend: adoption grows over the month.
    const trend = 0.85 + (0.3 * i) / (days * 24);
    return { start, table, weight: table.total * trend };
  });
  const stolenTotal = Math.round(count * STOLEN_SHARE);
  const burstWeights = new Array<number>(slots.length).fill(0);
  const endDay = Math.floor(endMs / DAY) * DAY;
  for (const [daysBack, hour, hours, intensity] of BURSTS) {
    for (let h = 0; h < hours; h++) {
      const index = Math.floor((endDay - daysBack * DAY + (hour + h) * HOUR - startMs) / HOUR);
      if (index >= 0 && index < slots.length) burstWeights[index] = (burstWeights[index] ?? 0) + intensity;
    }
  }
  const stolen = allocate(burstWeights, burstWeights.some((x) => x > 0) ? stolenTotal : 0);
  const normalTotal = count - stolen.reduce((a, b) => a + b, 0);
  const normal = allocate(
    slots.map((s) => s.weight),
    normalTotal,
  );
  return slots.map((s, i) => ({
    start: s.start,
    workloads: s.table.workloads,
    normal: normal[i] ?? 0,
    stolen: stolen[i] ?? 0,
    load: s.table.total / s.table.peak,
  }));
}
