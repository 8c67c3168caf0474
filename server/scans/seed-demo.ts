import "server-only";
import { randomUUID } from "node:crypto";
import { CHECKS } from "@/server/checks/registry";
import { checkSettings } from "@/server/config/check-settings";
import { env, isDemo } from "@/server/config/env";
import { getDb } from "@/server/db";
import { createDemoSource } from "@/server/sources/demo";
import { demoAsOf, HISTORY_STEPS } from "@/server/sources/demo-history";
import { insertScan } from "./repository";
import { runScan } from "./run-scan";

const DAY = 24 * 60 * 60_000;

/**
 * A fresh demo database gets a few weeks of weekly scans, so the overview opens on real data with
 * a score trend. Runs once: any existing scan means the history is already there.
 */
export async function seedDemoHistory(now = new Date()): Promise<void> {
  if (!isDemo()) return;
  const db = await getDb();
  const existing = await db.selectFrom("scans").select("id").limit(1).executeTakeFirst();
  if (existing) return;
  const settings = checkSettings();
  for (let stepsBack = HISTORY_STEPS; stepsBack >= 0; stepsBack -= 1) {
    const at = new Date(now.getTime() - stepsBack * 7 * DAY);
    const id = randomUUID();
    const source = demoAsOf(createDemoSource({ collectDelayMs: 0, now: at }), stepsBack);
    await insertScan(db, { id, source: source.kind, requestedBy: "demo-seed", settings, now: at.toISOString() });
    await runScan(
      { db, source, checks: CHECKS, context: { settings }, concurrency: env().STRATA_SCAN_CONCURRENCY, now: () => at },
      id,
    );
  }
}
