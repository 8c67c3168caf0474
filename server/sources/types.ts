import "server-only";
import type { ConnectionResult, SourceDescription } from "@/lib/schemas/source";

export type ScanTarget = {
  accountId: string;
  accountName: string;
  regions: string[];
  /** What went wrong resolving this account's regions or credentials; the scan records it as an error. */
  problems?: { reason: string; action?: string }[];
};

/**
 * Where inventories come from. The demo estate and the AWS collectors both implement this, and
 * nothing above it knows which one it talks to.
 */
export interface InventorySource {
  readonly kind: "demo" | "aws";
  listTargets(signal?: AbortSignal): Promise<ScanTarget[]>;
  /** Raw inventory for one account × region; validated part by part by `parseInventory`. */
  collect(target: ScanTarget, region: string, signal?: AbortSignal): Promise<unknown>;
  /** The accounts and regions in effect and where each came from (settings page, CLI). Never throws for AWS failures. */
  describe(signal?: AbortSignal): Promise<SourceDescription>;
  /** sts:GetCallerIdentity with the credentials a scan of `accountId` would use. Never throws for AWS failures. */
  testConnection(accountId: string, signal?: AbortSignal): Promise<ConnectionResult>;
  /** Releases what one scan held (sockets, cached credentials); called when the scan ends. */
  dispose?(): void;
}

/** Narrowing a source for one run (CLI --accounts/--regions); validated before any AWS call. */
export type SourceOverrides = { source?: "demo" | "aws"; accounts?: string[]; regions?: string[] };
