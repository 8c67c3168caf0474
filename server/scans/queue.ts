import "server-only";
import PgBoss from "pg-boss";

export const SCAN_TICK_QUEUE = "strata-scan-tick";
/** pg-boss keeps its tables in a schema of its own, beside Strata's. */
const BOSS_SCHEMA = "strata_queue";
// Every minute, the cron's finest grain; whether a scan is due is decided from the scans table.
const TICK_CRON = "* * * * *";

export type ScanQueueOptions = {
  url: string;
  /** Checks the schedule and starts a scan if one is due (see checkSchedule). */
  onTick: () => Promise<unknown>;
  schema?: string;
  /** Off in tests that send ticks themselves. */
  cron?: boolean;
  /** How often the worker and pg-boss's cron look for work; the defaults suit production. */
  polling?: Pick<
    PgBoss.ConstructorOptions,
    "cronMonitorIntervalSeconds" | "cronWorkerIntervalSeconds" | "pollingIntervalSeconds"
  >;
};

export type ScanQueue = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Joins this instance to the PostgreSQL scan queue. pg-boss's cron, coordinated across instances
 * in the database, sends one tick job a minute; whichever instance's worker takes it checks the
 * schedule and runs the scan, through the same atomic admission as a scan started by hand.
 */
export async function startScanQueue(options: ScanQueueOptions): Promise<ScanQueue> {
  const cron = options.cron ?? true;
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema ?? BOSS_SCHEMA,
    max: 3,
    schedule: cron,
    ...options.polling,
  });
  boss.on("error", (error) => console.error("[strata] scan queue error", error));
  await boss.start();
  // "short": at most one tick waits, so ticks missed while no worker ran are not replayed one by one.
  // No retries: the next minute's tick is the retry.
  await boss.createQueue(SCAN_TICK_QUEUE, { name: SCAN_TICK_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 300 });
  if (cron) await boss.schedule(SCAN_TICK_QUEUE, TICK_CRON);
  await boss.work(SCAN_TICK_QUEUE, { pollingIntervalSeconds: options.polling?.pollingIntervalSeconds ?? 5 }, async () => {
    try {
      await options.onTick();
    } catch (error) {
      console.error("[strata] scheduled scan check failed", error);
      throw error;
    }
  });
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
