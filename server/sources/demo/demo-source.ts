import "server-only";
import type { ConnectionResult, SourceDescription } from "@/lib/schemas/source";
import type { InventorySource, ScanTarget } from "@/server/sources/types";
import { DEFAULT_DEMO_NOW, DEMO_ACCOUNTS, DEMO_REGIONS, type DemoRegion } from "./accounts";
import { buildInventory, findAccount } from "./estate";

export type DemoSourceOptions = {
  /** Reference time of the estate (`collectedAt`, "last used" times); defaults to a fixed instant. */
  now?: Date | string;
  /** Artificial latency per `collect`, so a UI can show scan progress. */
  collectDelayMs?: number;
  /** Restrict to these account ids / regions (CLI --accounts / --regions); each must exist in the estate. */
  accounts?: string[];
  regions?: string[];
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
    this.accounts = pick(
      "account",
      options.accounts,
      DEMO_ACCOUNTS.map((a) => a.id),
    );
    this.regions = pick("region", options.regions, [...DEMO_REGIONS]);
  }

  private readonly accounts: string[];
  private readonly regions: string[];

  async listTargets(signal?: AbortSignal): Promise<ScanTarget[]> {
    signal?.throwIfAborted();
    return DEMO_ACCOUNTS.filter((a) => this.accounts.includes(a.id)).map((a) => ({
      accountId: a.id,
      accountName: a.name,
      regions: [...this.regions],
    }));
  }

  async describe(signal?: AbortSignal): Promise<SourceDescription> {
    const targets = await this.listTargets(signal);
    return {
      kind: "demo",
      accountMode: "demo",
      accounts: targets.map((t) => ({
        accountId: t.accountId,
        name: t.accountName,
        origin: "demo estate",
        // As if scanned through the role a real deployment assumes; testConnection answers as that role.
        roleArn: `arn:aws:iam::${t.accountId}:role/StrataReadOnly`,
        regions: t.regions,
        regionsOrigin: "demo estate",
      })),
      problems: [],
    };
  }

  async testConnection(accountId: string, signal?: AbortSignal): Promise<ConnectionResult> {
    await sleep(Math.min(this.delayMs, 200), signal);
    const account = findAccount(accountId);
    if (!account) return { ok: false, accountId, error: `Account ${accountId} is not part of the demo estate`, latencyMs: 0 };
    const arn = `arn:aws:sts::${account.id}:assumed-role/StrataReadOnly/strata-demo`;
    return { ok: true, accountId, arn, userId: `AROADEMO${account.key.toUpperCase()}:strata-demo`, latencyMs: 0 };
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

/** Validates a --accounts/--regions narrowing against what the estate has, before any work starts. */
function pick(what: string, wanted: string[] | undefined, available: string[]): string[] {
  if (wanted === undefined || wanted.length === 0) return available;
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown demo ${what}${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: the demo estate has ${available.join(", ")}`,
    );
  }
  return wanted;
}

export function createDemoSource(options: DemoSourceOptions = {}): DemoSource {
  return new DemoSource(options);
}
