import "server-only";
import type { InventorySource, ScanTarget } from "@/server/sources/types";

export type CollectedInventory = { target: ScanTarget; region: string; raw: unknown };

/** Every account × region of a source, in target order (the order a scan evaluates them). */
export async function collectEstate(source: InventorySource, signal?: AbortSignal): Promise<CollectedInventory[]> {
  const out: CollectedInventory[] = [];
  for (const target of await source.listTargets(signal)) {
    for (const region of target.regions) out.push({ target, region, raw: await source.collect(target, region, signal) });
  }
  return out;
}
