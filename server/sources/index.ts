import "server-only";
import { env } from "@/server/config/env";
import { createDemoSource } from "./demo";
import type { InventorySource } from "./types";

export function getSource(): InventorySource {
  const e = env();
  return createDemoSource({ collectDelayMs: e.STRATA_DEMO_COLLECT_DELAY_MS, now: new Date() });
}
