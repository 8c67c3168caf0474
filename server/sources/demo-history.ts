import "server-only";
import type { InventorySource } from "./types";

type Raw = Record<string, unknown>;
type Regression = { accountName?: string; apply: (inv: Raw) => void };

function obj(value: unknown): Raw | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

function okData(part: unknown): unknown {
  const p = obj(part);
  return p?.status === "ok" ? p.data : undefined;
}

/**
 * What the fictional company fixed over the last weeks, newest fix first. Undoing the first
 * `n` gives the estate as it was `n` fixes ago, so the demo has a real score history.
 */
const FIXES: Regression[] = [
  {
    accountName: "halcyon-staging",
    apply: (inv) => {
      const config = obj(okData(obj(inv.bedrock)?.loggingConfig));
      if (config) config.textDataDeliveryEnabled = false;
    },
  },
  {
    apply: (inv) => {
      const trails = okData(obj(inv.cloudtrail)?.trails);
      if (Array.isArray(trails)) for (const t of trails) if (obj(t)) (t as Raw).advancedEventSelectors = [];
    },
  },
  {
    accountName: "halcyon-prod",
    apply: (inv) => {
      const bedrock = obj(inv.bedrock);
      if (bedrock) bedrock.enforcedGuardrails = { status: "ok", data: [] };
    },
  },
  {
    apply: (inv) => {
      const agents = okData(obj(inv.bedrock)?.agents);
      if (Array.isArray(agents)) for (const a of agents) if (obj(a)) delete (a as Raw).guardrailConfiguration;
    },
  },
];

export const HISTORY_STEPS = FIXES.length;

/** The demo source as it was `stepsBack` fixes ago (0 = today). */
export function demoAsOf(source: InventorySource, stepsBack: number): InventorySource {
  const undo = FIXES.slice(0, Math.max(0, Math.min(stepsBack, FIXES.length)));
  return {
    kind: source.kind,
    listTargets: (signal) => source.listTargets(signal),
    describe: (signal) => source.describe(signal),
    testConnection: (accountId, signal) => source.testConnection(accountId, signal),
    async collect(target, region, signal) {
      const raw = obj(await source.collect(target, region, signal));
      if (!raw) return raw;
      for (const fix of undo) if (!fix.accountName || fix.accountName === target.accountName) fix.apply(raw);
      return raw;
    },
  };
}
