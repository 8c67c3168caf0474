import "server-only";
import type { InventorySource, ScanTarget } from "@/server/sources/types";
import { DEFAULT_DEMO_NOW, DEMO_ACCOUNTS, DEMO_REGIONS, type DemoRegion } from "./accounts";
import { buildInventory, findAccount } from "./estate";

export type DemoSourceOptions = {
  /** Reference time of the estate (`collectedAt`, "last used" times); defaults to a fixed instant. */
  now?: Date | string;
  /** Artificial latency per `collect`, so a UI can show scan progress. */
  collectDelayMs?: number;
};

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal ? abortError(signal) : new Error("aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const isDemoRegion = (region: string): region is DemoRegion => (DEMO_REGIONS as readonly string[]).includes(region);

/** The embedded, deterministic demo estate of Halcyon Health: three accounts, two regions. */
export class DemoSource implements InventorySource {
  readonly kind = "demo" as const;
  private readonly now: Date;
  private readonly delayMs: number;

  constructor(options: DemoSourceOptions = {}) {
    this.now = new Date(options.now ?? DEFAULT_DEMO_NOW);
    if (Number.isNaN(this.now.getTime())) throw new Error(`Invalid demo reference time: ${String(options.now)}`);
    this.delayMs = Math.max(0, options.collectDelayMs ?? 0);
  }

  async listTargets(signal?: AbortSignal): Promise<ScanTarget[]> {
    signal?.throwIfAborted();
    return DEMO_ACCOUNTS.map((a) => ({ accountId: a.id, accountName: a.name, regions: [...DEMO_REGIONS] }));
  }

  async collect(target: ScanTarget, region: string, signal?: AbortSignal): Promise<unknown> {
    await sleep(this.delayMs, signal);
    signal?.throwIfAborted();
    const account = findAccount(target.accountId);
    if (!account) throw new Error(`Account ${target.accountId} is not part of the demo estate`);
    if (!isDemoRegion(region)) throw new Error(`Region ${region} is not part of the demo estate (${DEMO_REGIONS.join(", ")})`);
    return buildInventory(account, region, this.now);
  }
}

export function createDemoSource(options: DemoSourceOptions = {}): DemoSource {
  return new DemoSource(options);
}
