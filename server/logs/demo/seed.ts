import "server-only";
import { z } from "zod";
import { env, isDemo } from "@/server/config/env";
import { getEmbeddedLogStore, logStoreKind } from "../index";
import { normalizeRecord } from "../normalize";
import type { InvocationRecord } from "../record";
import type { SqliteLogStore } from "../store/sqlite";
import { generateDemoRecords } from "./generate";

const HOUR = 3_600_000;
const DAYS = 30;
/** Small enough that one batch (normalise + insert) keeps the event loop busy for well under a second. */
const BATCH = 500;
const PLAN_KEY = "demo-seed:plan";
const PROGRESS_KEY = "demo-seed:done";
const COMPLETE_KEY = "demo-seed:complete";

// The plan is remembered so a restart regenerates exactly the same records (same end, same count).
const planSchema = z.object({ end: z.iso.datetime(), count: z.number().int().nonnegative(), days: z.number().int().positive() });
type Plan = z.infer<typeof planSchema>;

export type SeedOptions = {
  count: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (progress: { inserted: number; total: number }) => void;
  signal?: AbortSignal;
};
export type SeedSummary = {
  end: string;
  count: number;
  inserted: number;
  skipped: number;
  quarantined: number;
  resumedAt: number;
};

function planOf(store: SqliteLogStore, count: number, now: Date): Plan {
  const stored = store.getMeta(PLAN_KEY);
  const parsed = stored === undefined ? undefined : planSchema.safeParse(JSON.parse(stored));
  if (parsed?.success) {
    if (parsed.data.count !== count) {
      console.warn(
        `Demo invocation logs were seeded with ${parsed.data.count} records; STRATA_DEMO_LOG_RECORDS=${count} takes effect once logs.db is deleted.`,
      );
    }
    return parsed.data;
  }
  const plan = { end: new Date(Math.floor(now.getTime() / HOUR) * HOUR).toISOString(), count, days: DAYS };
  store.setMeta(PLAN_KEY, JSON.stringify(plan));
  return plan;
}

/**
 * The end of the demo's generated logs, once a seed has planned it; the demo's CloudTrail history
 * ends there too, so the stolen key's API calls line up with its invocations after any restart.
 */
function demoLogsEnd(store: SqliteLogStore = getEmbeddedLogStore()): Date | undefined {
  const stored = store.getMeta(PLAN_KEY);
  const parsed = stored === undefined ? undefined : planSchema.safeParse(JSON.parse(stored));
  return parsed?.success ? new Date(parsed.data.end) : undefined;
}

/**
 * The demo story's "now": where the seeded logs end, else the current hour. The demo's CloudTrail
 * history and guardrail metrics end there too, so the three line up hour for hour.
 */
export function demoStoryEnd(): Date {
  return (logStoreKind() === "embedded" ? demoLogsEnd() : undefined) ?? new Date(Math.floor(Date.now() / HOUR) * HOUR);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fills the embedded store with the demo's generated records, through the same normaliser an
 * import uses. Resumable: progress is saved per batch, ids are deterministic and insert is
 * idempotent, so an interrupted seed picks up where it stopped and a finished one does nothing.
 */
export async function seedDemoLogs(store: SqliteLogStore, options: SeedOptions): Promise<SeedSummary> {
  const plan = planOf(store, options.count, options.now ?? new Date());
  const done = Number(store.getMeta(PROGRESS_KEY) ?? "0");
  const summary: SeedSummary = { end: plan.end, count: plan.count, inserted: 0, skipped: 0, quarantined: 0, resumedAt: done };
  if (store.getMeta(COMPLETE_KEY) === "true") return summary;
  const size = options.batchSize ?? BATCH;
  let position = 0;
  let batch: InvocationRecord[] = [];
  options.onProgress?.({ inserted: done, total: plan.count });
  const flush = async () => {
    const result = await store.insert(batch);
    summary.inserted += result.inserted;
    summary.skipped += result.skipped;
    store.setMeta(PROGRESS_KEY, String(position));
    batch = [];
    options.onProgress?.({ inserted: position, total: plan.count });
    await nextTurn();
  };
  for (const raw of generateDemoRecords({ count: plan.count, end: new Date(plan.end), days: plan.days })) {
    position++;
    // Records before the saved position are in the store already; generating them is cheap, normalising is not.
    if (position <= done) {
      if (position % (size * 20) === 0) await nextTurn();
      continue;
    }
    // The store measures body sizes as it serialises them.
    const result = normalizeRecord(raw, { measureBodies: false });
    if (result.ok) batch.push(result.record);
    else summary.quarantined++;
    if (batch.length >= size) {
      await flush();
      if (options.signal?.aborted) return summary;
    }
  }
  await flush();
  if (summary.quarantined > 0) console.warn(`Demo invocation logs: ${summary.quarantined} generated records did not normalise.`);
  store.setMeta(COMPLETE_KEY, "true");
  return summary;
}

const holder = globalThis as typeof globalThis & { __strataDemoLogSeed?: { inserted: number; total: number } | null };

/** Progress of a seed running in this process, for the explorer's banner; null when none is running. */
export function demoLogSeedStatus(): { inserted: number; total: number } | null {
  return holder.__strataDemoLogSeed ?? null;
}

/** Starts seeding in the background when the demo reads the embedded store; boot does not wait for it. */
export function startDemoLogSeed(): void {
  if (!isDemo() || logStoreKind() !== "embedded" || holder.__strataDemoLogSeed) return;
  const count = env().STRATA_DEMO_LOG_RECORDS;
  if (count === 0) return;
  holder.__strataDemoLogSeed = { inserted: 0, total: count };
  const started = performance.now();
  seedDemoLogs(getEmbeddedLogStore(), {
    count,
    onProgress: (progress) => {
      holder.__strataDemoLogSeed = progress;
    },
  })
    .then((summary) => {
      if (summary.inserted > 0) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`Demo invocation logs: ${summary.inserted} records seeded in ${seconds} s.`);
      }
    })
    .catch((error: unknown) => console.error("Demo invocation logs could not be seeded:", error))
    .finally(() => {
      holder.__strataDemoLogSeed = null;
    });
}
