import "server-only";
import { ConfigError, env } from "@/server/config/env";
import { getDb } from "@/server/db";
import { startDemoLogSeed } from "@/server/logs/demo/seed";
import { startScanSchedule } from "@/server/scans/scheduler";
import { seedDemoHistory } from "@/server/scans/seed-demo";

export async function boot(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n`);
      process.exit(78); // EX_CONFIG: stop rather than serve with a broken configuration.
    }
    throw error;
  }
  await getDb();
  await seedDemoHistory();
  // Not awaited: the server answers while the demo's invocation logs fill in (the explorer shows progress).
  startDemoLogSeed();
  // After the seed, so a fresh demo database is not scanned again the moment it starts.
  await startScanSchedule();
}
