import "server-only";
import type { Kysely } from "kysely";
import { env } from "@/server/config/env";
import { getDb, type Database } from "@/server/db";
import { ConflictError } from "@/server/http/errors";
import type { AdmitOptions } from "./admission";
import { launchScan } from "./service";

/** `requested_by` of scans the schedule starts; a user's scans carry their email or id. */
export const SCHEDULE_REQUESTER = "schedule";
/** After a busy or failed check, look again this much later. */
const RETRY_MS = 60_000;
// setTimeout overflows past 2^31-1 ms; waking once a day and recomputing is cheaper than chaining.
const MAX_TIMER_MS = 24 * 60 * 60_000;

type LatestScan = { id: string; createdAt: string };

async function latestScan(db: Kysely<Database>, requestedBy?: string): Promise<LatestScan | undefined> {
  let query = db.selectFrom("scans").select(["id", "created_at"]);
  if (requestedBy) query = query.where("requested_by", "=", requestedBy);
  const row = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row ? { id: row.id, createdAt: row.created_at } : undefined;
}

/** Any scan, scheduled or started by hand, restarts the interval; with none yet, a scan is due now. */
export function nextDueAt(latest: Pick<LatestScan, "createdAt"> | undefined, intervalMs: number, now: Date): Date {
  return latest ? new Date(Date.parse(latest.createdAt) + intervalMs) : now;
}

export type ScheduleDeps = {
  db: Kysely<Database>;
  intervalMs: number;
  now: () => Date;
  /** Admits and starts a scan; throws ConflictError when admission refuses. */
  launch: (options: AdmitOptions) => Promise<{ id: string }>;
};

export type ScheduleCheck =
  { outcome: "started"; scanId: string; nextCheckAt: Date } | { outcome: "not-due" | "busy"; nextCheckAt: Date };

/**
 * Starts a scan if one is due. Safe to call from any number of instances at once: the launch is
 * conditional on the newest scan still being the one seen here, so only one of them scans.
 */
export async function checkSchedule(deps: ScheduleDeps): Promise<ScheduleCheck> {
  const now = deps.now();
  const latest = await latestScan(deps.db);
  const due = nextDueAt(latest, deps.intervalMs, now);
  if (due > now) return { outcome: "not-due", nextCheckAt: due };
  try {
    const { id } = await deps.launch({ now, ifLatestIs: latest?.id ?? null });
    return { outcome: "started", scanId: id, nextCheckAt: new Date(now.getTime() + deps.intervalMs) };
  } catch (error) {
    if (error instanceof ConflictError) return { outcome: "busy", nextCheckAt: new Date(now.getTime() + RETRY_MS) };
    throw error;
  }
}

export type Timers = { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };

const NODE_TIMERS: Timers = {
  // unref: a pending scheduled scan never keeps the process alive on shutdown.
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The SQLite scheduler: one timer in this process, re-armed from the database after each check. */
export function startInProcessScheduler(deps: ScheduleDeps, timers: Timers = NODE_TIMERS): { stop: () => void } {
  let handle: unknown;
  let stopped = false;
  const arm = (at: Date) => {
    if (stopped) return;
    const delay = Math.min(Math.max(0, at.getTime() - deps.now().getTime()), MAX_TIMER_MS);
    handle = timers.set(() => void check(), delay);
  };
  const check = async () => {
    try {
      arm((await checkSchedule(deps)).nextCheckAt);
    } catch (error) {
      console.error("[strata] scheduled scan check failed", error);
      arm(new Date(deps.now().getTime() + RETRY_MS));
    }
  };
  void check();
  return {
    stop: () => {
      stopped = true;
      timers.clear(handle);
    },
  };
}

function launchScheduledScan(options: AdmitOptions): Promise<{ id: string }> {
  return launchScan(
    { requestedBy: SCHEDULE_REQUESTER, audit: { actor: "schedule", role: "system", trigger: "schedule" } },
    options,
  );
}

// On globalThis so a dev hot reload does not start a second scheduler.
const holder = globalThis as typeof globalThis & { __strataSchedule?: Promise<unknown> };

/**
 * Called at boot. Without STRATA_SCAN_INTERVAL nothing runs. SQLite: a timer in this process.
 * PostgreSQL: a one-minute tick on the pg-boss queue that exactly one instance handles.
 */
export function startScanSchedule(): Promise<unknown> {
  const { STRATA_SCAN_INTERVAL: interval, DATABASE_URL: url } = env();
  if (!interval) return Promise.resolve();
  holder.__strataSchedule ??= (async () => {
    const deps: ScheduleDeps = { db: await getDb(), intervalMs: interval.ms, now: () => new Date(), launch: launchScheduledScan };
    if (!url) return startInProcessScheduler(deps);
    // Loaded only with PostgreSQL, so a SQLite install never starts pg-boss.
    const { startScanQueue } = await import("./queue");
    return startScanQueue({ url, onTick: () => checkSchedule(deps) });
  })();
  return holder.__strataSchedule;
}

export type ScheduleStatus = {
  interval: string | null;
  engine: "in-process" | "postgres-queue";
  nextDueAt: string | null;
  lastScheduledScanAt: string | null;
};

/** What the settings page shows; computed from the database, so every instance reports the same. */
export async function describeSchedule(
  db: Kysely<Database>,
  config: { interval: { text: string; ms: number } | undefined; postgres: boolean },
  now = new Date(),
): Promise<ScheduleStatus> {
  const [latest, lastScheduled] = await Promise.all([latestScan(db), latestScan(db, SCHEDULE_REQUESTER)]);
  return {
    interval: config.interval?.text ?? null,
    engine: config.postgres ? "postgres-queue" : "in-process",
    nextDueAt: config.interval ? nextDueAt(latest, config.interval.ms, now).toISOString() : null,
    lastScheduledScanAt: lastScheduled?.createdAt ?? null,
  };
}

/** @public The settings page's schedule row (not rendered yet; knip would flag it until then). */
export async function scheduleStatus(): Promise<ScheduleStatus> {
  const e = env();
  return describeSchedule(await getDb(), { interval: e.STRATA_SCAN_INTERVAL, postgres: Boolean(e.DATABASE_URL) });
}
