import "server-only";

export type ScanTarget = { accountId: string; accountName: string; regions: string[] };

/**
 * Where inventories come from. The demo estate and the AWS collectors both implement this, and
 * nothing above it knows which one it talks to.
 */
export interface InventorySource {
  readonly kind: "demo" | "aws";
  listTargets(signal?: AbortSignal): Promise<ScanTarget[]>;
  /** Raw inventory for one account × region; validated part by part by `parseInventory`. */
  collect(target: ScanTarget, region: string, signal?: AbortSignal): Promise<unknown>;
}
