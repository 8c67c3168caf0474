import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import { scoreFindings } from "@/server/scoring/score";
import { ENGINES, sqliteTestDb, type TestDb } from "@/server/db/testing";
import { admitScan, type AdmitOptions } from "./admission";
import { completeScan, insertScan, listScans } from "./repository";
import {
  checkSchedule,
  describeSchedule,
  nextDueAt,
  SCHEDULE_REQUESTER,
  startInProcessScheduler,
  type Timers,
} from "./scheduler";

const HOUR = 3_600_000;
const T0 = new Date("2026-11-01T12:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const EMPTY_SCORE = scoreFindings([]);

/** Admits like the real launch and, like a fast demo scan, finishes at once. */
function fastLaunch(db: Kysely<Database>) {
  return async (options: AdmitOptions) => {
    const id = await admitScan(db, { source: "demo", requestedBy: SCHEDULE_REQUESTER, settings: {} }, options);
    await completeScan(db, id, { score: EMPTY_SCORE, errors: [], now: (options.now ?? T0).toISOString(), total: 0 });
    return { id };
  };
}

async function scanAt(db: Kysely<Database>, id: string, createdAt: Date, requestedBy = "a@example.com", finished = true) {
  await insertScan(db, { id, source: "demo", requestedBy, settings: {}, now: createdAt.toISOString() });
  if (finished) await completeScan(db, id, { score: EMPTY_SCORE, errors: [], now: createdAt.toISOString(), total: 0 });
}

describe("nextDueAt", () => {
  it("is one interval after the newest scan, or now when there is none", () => {
    expect(nextDueAt({ createdAt: T0.toISOString() }, 6 * HOUR, at(HOUR))).toEqual(at(6 * HOUR));
    expect(nextDueAt(undefined, 6 * HOUR, at(HOUR))).toEqual(at(HOUR));
  });
});

describe.each(ENGINES)("checkSchedule on %s", (_name, open) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(async () => {
    await t.close();
  });

  it("scans at once on an empty database, then not again until the interval has passed", async () => {
    let now = T0;
    const deps = { db: t.db, intervalMs: 6 * HOUR, now: () => now, launch: fastLaunch(t.db) };
    const first = await checkSchedule(deps);
    expect(first).toMatchObject({ outcome: "started", nextCheckAt: at(6 * HOUR) });

    now = at(6 * HOUR - 1);
    expect(await checkSchedule(deps)).toEqual({ outcome: "not-due", nextCheckAt: at(6 * HOUR) });
    now = at(6 * HOUR);
    expect(await checkSchedule(deps)).toMatchObject({ outcome: "started" });

    const scans = await listScans(t.db);
    expect(scans.map((s) => [s.requestedBy, s.createdAt])).toEqual([
      [SCHEDULE_REQUESTER, at(6 * HOUR).toISOString()],
      [SCHEDULE_REQUESTER, T0.toISOString()],
    ]);
  });

  it("counts a scan started by hand: no scheduled scan follows it until one interval later", async () => {
    await scanAt(t.db, "scheduled", T0, SCHEDULE_REQUESTER);
    await scanAt(t.db, "manual", at(5 * HOUR));
    const deps = { db: t.db, intervalMs: 6 * HOUR, now: () => at(6 * HOUR), launch: fastLaunch(t.db) };
    expect(await checkSchedule(deps)).toEqual({ outcome: "not-due", nextCheckAt: at(11 * HOUR) });
    expect(await listScans(t.db)).toHaveLength(2);
  });

  it("skips while a scan that started more than an interval ago is still running, and retries a minute later", async () => {
    await scanAt(t.db, "long", T0, "a@example.com", false);
    // Heartbeat fresh as of now, so admission must not treat it as stale.
    await t.db
      .updateTable("scans")
      .set({ heartbeat_at: at(7 * HOUR).toISOString() })
      .execute();
    const deps = { db: t.db, intervalMs: 6 * HOUR, now: () => at(7 * HOUR), launch: fastLaunch(t.db) };
    expect(await checkSchedule(deps)).toEqual({ outcome: "busy", nextCheckAt: at(7 * HOUR + 60_000) });
    expect((await listScans(t.db)).map((s) => s.id)).toEqual(["long"]);
  });

  it("two instances checking at the same moment start exactly one scan, even when it finishes at once", async () => {
    // Both instances read the newest scan before either launches; then the launches run one after
    // the other, so the second sees a finished scan and only the due-check in admission can stop it.
    let arrived = 0;
    let bothArrived: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
    let previous: Promise<unknown> = Promise.resolve();
    const launch = fastLaunch(t.db);
    const racingLaunch = async (options: AdmitOptions) => {
      arrived += 1;
      if (arrived === 2) bothArrived();
      await barrier;
      const mine = previous.then(() => launch(options));
      previous = mine.catch(() => undefined);
      return mine;
    };
    const deps = { db: t.db, intervalMs: 6 * HOUR, now: () => T0, launch: racingLaunch };
    const outcomes = await Promise.all([checkSchedule(deps), checkSchedule(deps)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["busy", "started"]);
    expect(await listScans(t.db)).toHaveLength(1);
  });

  it("describes the schedule for the settings page", async () => {
    const config = { interval: { text: "6h", ms: 6 * HOUR }, postgres: _name === "postgres" };
    expect(await describeSchedule(t.db, config, T0)).toEqual({
      interval: "6h",
      engine: _name === "postgres" ? "postgres-queue" : "in-process",
      nextDueAt: T0.toISOString(),
      lastScheduledScanAt: null,
    });
    await scanAt(t.db, "scheduled", T0, SCHEDULE_REQUESTER);
    await scanAt(t.db, "manual", at(2 * HOUR));
    expect(await describeSchedule(t.db, config, at(3 * HOUR))).toMatchObject({
      nextDueAt: at(8 * HOUR).toISOString(),
      lastScheduledScanAt: T0.toISOString(),
    });
    expect(await describeSchedule(t.db, { interval: undefined, postgres: false }, T0)).toMatchObject({
      interval: null,
      nextDueAt: null,
    });
  });
});

describe("startInProcessScheduler", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await sqliteTestDb();
  });
  afterEach(async () => {
    await t.close();
  });

  /** Timers that record what was armed; the test fires them by hand after moving the clock. */
  function fakeTimers() {
    const armed: { run: () => void; ms: number; cleared: boolean }[] = [];
    const timers: Timers = {
      set: (run, ms) => {
        const entry = { run, ms, cleared: false };
        armed.push(entry);
        return entry;
      },
      clear: (handle) => {
        (handle as { cleared: boolean }).cleared = true;
      },
    };
    return { armed, timers };
  }

  it("arms for the next due time, scans when it fires, re-arms one interval on, and stops", async () => {
    await scanAt(t.db, "earlier", T0);
    let now = at(HOUR);
    const launched: AdmitOptions[] = [];
    const launch = fastLaunch(t.db);
    const { armed, timers } = fakeTimers();
    const scheduler = startInProcessScheduler(
      {
        db: t.db,
        intervalMs: 6 * HOUR,
        now: () => now,
        launch: (options) => {
          launched.push(options);
          return launch(options);
        },
      },
      timers,
    );
    await expect.poll(() => armed.length).toBe(1);
    expect(armed[0]?.ms).toBe(5 * HOUR);
    expect(launched).toEqual([]);

    now = at(6 * HOUR);
    armed[0]?.run();
    await expect.poll(() => armed.length).toBe(2);
    expect(launched).toEqual([{ now: at(6 * HOUR), ifLatestIs: "earlier" }]);
    expect(armed[1]?.ms).toBe(6 * HOUR);

    scheduler.stop();
    expect(armed[1]?.cleared).toBe(true);
  });

  it("retries a minute later when the check fails, without giving up", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { armed, timers } = fakeTimers();
    const scheduler = startInProcessScheduler(
      { db: t.db, intervalMs: 6 * HOUR, now: () => T0, launch: () => Promise.reject(new Error("database is locked")) },
      timers,
    );
    await expect.poll(() => armed.length).toBe(1);
    expect(armed[0]?.ms).toBe(60_000);
    expect(logged).toHaveBeenCalledWith("[strata] scheduled scan check failed", expect.any(Error));
    scheduler.stop();
    logged.mockRestore();
  });
});
