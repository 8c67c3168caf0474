import "server-only";
import type { GuardrailPolicyType } from "@/server/logs/record";
import type { Guardrail, GuardrailVersion } from "@/server/inventory/bedrock";
import { mulberry32 } from "@/server/sources/demo/prng";
import type { AccountKey } from "@/server/sources/demo/accounts";
import { seedOf } from "@/server/logs/demo/random";

const HOUR = 3_600_000;

/** Guardrail calls per hour at the daily peak, by account and region: prod carries the clinical traffic. */
const PEAK_RATE: Record<AccountKey, Record<string, number>> = {
  prod: { "us-east-1": 420, "eu-west-1": 150 },
  staging: { "us-east-1": 45, "eu-west-1": 0 },
  sandbox: { "us-east-1": 14, "eu-west-1": 0 },
};
/** Share of calls the guardrail intervenes on, close to the invocation-log generator's own rates. */
const INTERVENE: Record<string, number> = {
  "phi-clinical-assistant": 0.04,
  "phi-clinical-assistant-eu": 0.04,
  "phi-baseline-enforced": 0.025,
  "phi-baseline-enforced-eu": 0.025,
  "clinical-assistant-staging": 0.05,
  "summarizer-staging": 0.03,
  "sandbox-test": 0.05,
};
/** Local business peak in UTC hours: Virginia's afternoon, Ireland's late morning. */
const PEAK_HOUR: Record<string, number> = { "us-east-1": 16, "eu-west-1": 11 };
/** Of the interventions, how they split over the policies a version has. */
const POLICY_SHARE: [GuardrailPolicyType, keyof GuardrailVersion, number][] = [
  ["content", "contentPolicy", 0.4],
  ["pii", "sensitiveInformationPolicy", 0.3],
  ["topic", "topicPolicy", 0.15],
  ["word", "wordPolicy", 0.1],
  ["grounding", "contextualGroundingPolicy", 0.05],
];
/** Console testing keeps a little traffic on the DRAFT of a versioned guardrail. */
const DRAFT_SHARE = 0.03;

/** A deterministic uniform in [0, 1) for one series and hour. */
export function noise(seed: number, hour: number): number {
  return mulberry32((seed ^ Math.imul(hour, 0x9e3779b1)) >>> 0)();
}

/** Relative load at an hour: a bell around the local peak, quieter nights and weekends. */
function rhythm(region: string, hourStart: number): number {
  const d = new Date(hourStart);
  const h = d.getUTCHours();
  const peak = PEAK_HOUR[region] ?? 14;
  const dist = Math.min(Math.abs(h - peak), 24 - Math.abs(h - peak));
  const day = 0.15 + Math.exp(-(dist * dist) / (2 * 3.5 * 3.5));
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.35 : 1;
  return day * weekend;
}

export type VersionTraffic = { version: string; from: number; to: number; share: number };

/**
 * Which version served when: each numbered version from its last update until the next one took
 * over, the DRAFT a small share alongside (all of it when the guardrail was never versioned).
 */
export function timeline(g: Guardrail): VersionTraffic[] {
  const born = Date.parse(g.draft.createdAt);
  const numbered = [...g.versions].sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
  if (numbered.length === 0) return [{ version: "DRAFT", from: born, to: Infinity, share: 1 }];
  const spans = numbered.map((v, i) => ({
    version: v.version,
    from: i === 0 ? born : Date.parse(v.updatedAt),
    to: Date.parse(numbered[i + 1]?.updatedAt ?? "9999-12-31T00:00:00Z"),
    share: 1 - DRAFT_SHARE,
  }));
  return [...spans, { version: "DRAFT", from: born, to: Infinity, share: DRAFT_SHARE }];
}

const SEEDS = new Map<string, number>();

export type HourCounts = { invocations: number; intervened: number };

/** One guardrail version's calls and interventions in one hour (zero outside its span). */
export function versionHour(
  account: AccountKey,
  region: string,
  g: Guardrail,
  span: VersionTraffic,
  hourStart: number,
): HourCounts {
  if (hourStart < span.from || hourStart >= span.to) return { invocations: 0, intervened: 0 };
  const key = `guardrail-metrics/${g.arn}/${span.version}`;
  const seed = SEEDS.get(key) ?? SEEDS.set(key, seedOf(key)).get(key) ?? 0;
  const hour = Math.floor(hourStart / HOUR);
  const rate = (PEAK_RATE[account][region] ?? 0) * span.share * rhythm(region, hourStart);
  const invocations = Math.round(rate * (0.75 + 0.5 * noise(seed, hour)));
  const intervened = Math.round(invocations * (INTERVENE[g.name] ?? 0.03) * (0.4 + 1.2 * noise(seed + 1, hour)));
  return { invocations, intervened };
}

/** The policies a version has, with their share of its interventions (normalised). */
export function policyShares(v: GuardrailVersion): { policyType: GuardrailPolicyType; share: number }[] {
  const present = POLICY_SHARE.filter(([, key]) => v[key] !== undefined);
  const total = present.reduce((n, [, , s]) => n + s, 0);
  return present.map(([policyType, , s]) => ({ policyType, share: s / total }));
}
