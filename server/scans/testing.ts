import "server-only";
import type { Kysely } from "kysely";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import type { Database } from "@/server/db";
import { createDemoSource } from "@/server/sources/demo";
import { insertScan } from "./repository";
import { runScan } from "./run-scan";

/**
 * Runs a complete scan of the demo estate into a test database, as the dashboard would, with the
 * clock fixed at `at`: the findings, scores and inventory snapshots tests read back afterwards.
 */
export async function runDemoScan(db: Kysely<Database>, options: { id?: string; at: Date }): Promise<string> {
  const id = options.id ?? "scan-1";
  const { at } = options;
  const settings = DEFAULT_CHECK_SETTINGS;
  await insertScan(db, { id, source: "demo", requestedBy: "test", settings, now: at.toISOString() });
  const source = createDemoSource({ collectDelayMs: 0, now: at });
  await runScan({ db, source, checks: CHECKS, context: { settings }, concurrency: 4, now: () => at }, id);
  return id;
}
