import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Client } from "pg";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { scoreFindings } from "@/server/scoring/score";
import { admitScan, type AdmitOptions } from "./admission";
import { SCAN_TICK_QUEUE, startScanQueue, type ScanQueue, type ScanQueueOptions } from "./queue";
import { completeScan, listScans } from "./repository";
import { checkSchedule, SCHEDULE_REQUESTER } from "./scheduler";

const PG_URL = process.env.STRATA_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const openPostgres = ENGINES.find(([name]) => name === "postgres")?.[1];
const FAST = { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 };

describe("the PostgreSQL scan queue (pg-boss)", () => {
  let t: TestDb;
  let schema: string;
  const queues: ScanQueue[] = [];

  beforeEach(async () => {
    if (!openPostgres) throw new Error("ENGINES has no postgres entry");
    t = await openPostgres();
    schema = `strata_queue_test_${randomBytes(6).toString("hex")}`;
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop()));
    await t.close();
    const admin = new Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  /** One dashboard instance: its own pg-boss on the shared schema, checking the shared scans table. */
  async function instance(options: Pick<ScanQueueOptions, "cron">, beforeLaunch: () => Promise<void> = async () => {}) {
    const ticks: string[] = [];
    const launch = async (admit: AdmitOptions) => {
      await beforeLaunch();
      const id = await admitScan(t.db, { source: "demo", requestedBy: SCHEDULE_REQUESTER, settings: {} }, admit);
      // Finishes at once, like a small demo scan: only the due-check stops a second scan now.
      await completeScan(t.db, id, { score: scoreFindings([]), errors: [], now: new Date().toISOString(), total: 0 });
      return { id };
    };
    const queue = await startScanQueue({
      url: PG_URL,
      schema,
      polling: FAST,
      ...options,
      onTick: async () => {
        const outcome = await checkSchedule({ db: t.db, intervalMs: 6 * 3_600_000, now: () => new Date(), launch });
        ticks.push(outcome.outcome);
      },
    });
    queues.push(queue);
    return { queue, ticks };
  }

  it("two instances on one schema: the cron is registered once, ticks, and exactly one scan runs", async () => {
    const a = await instance({ cron: true });
    const b = await instance({ cron: true });
    expect(await a.queue.boss.getSchedules()).toEqual([expect.objectContaining({ name: SCAN_TICK_QUEUE, cron: "* * * * *" })]);

    await expect.poll(() => a.ticks.length + b.ticks.length, { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
    // Let any further tick (the next cron slot, the other instance) be handled before counting.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect([...a.ticks, ...b.ticks].filter((o) => o === "started")).toHaveLength(1);
    expect(await listScans(t.db)).toHaveLength(1);
  });

  it("a tick waiting in the queue is not doubled when a second instance sends one too", async () => {
    const a = await instance({ cron: false });
    const b = await instance({ cron: false });
    // No worker takes it, so the first tick is still waiting when the second is sent. offWork does
    // not wait for a fetch already in flight, hence the pause.
    await Promise.all([a.queue.boss.offWork(SCAN_TICK_QUEUE), b.queue.boss.offWork(SCAN_TICK_QUEUE)]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sent = await Promise.all([a.queue.boss.send(SCAN_TICK_QUEUE, {}), b.queue.boss.send(SCAN_TICK_QUEUE, {})]);
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(await a.queue.boss.getQueueSize(SCAN_TICK_QUEUE)).toBe(1);
  });

  it("two workers holding a tick each at the same moment start exactly one scan", async () => {
    // The first tick's handler, having found a scan due, waits until the other instance's worker
    // has found the same with a second tick; then both try to start it at once.
    let arrived = 0;
    let bothArrived: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
    const meet = async () => {
      arrived += 1;
      if (arrived === 2) bothArrived();
      await barrier;
    };
    const a = await instance({ cron: false }, meet);
    const b = await instance({ cron: false }, meet);
    await a.queue.boss.send(SCAN_TICK_QUEUE, {});
    await expect.poll(() => arrived, { timeout: 5000, interval: 50 }).toBe(1);
    // The first tick is active now, so the queue accepts a second one for the other worker.
    expect(await b.queue.boss.send(SCAN_TICK_QUEUE, {})).toEqual(expect.any(String));

    await expect.poll(() => a.ticks.length + b.ticks.length, { timeout: 5000, interval: 50 }).toBe(2);
    expect([...a.ticks, ...b.ticks].sort()).toEqual(["busy", "started"]);
    expect(a.ticks).toHaveLength(1);
    expect(b.ticks).toHaveLength(1);
    expect(await listScans(t.db)).toHaveLength(1);
  });
});
