import "server-only";
import type { GuardrailMetrics } from "@/lib/schemas/guardrail-metrics";
import { BUCKET_MS, type TimeBucket } from "@/lib/schemas/logs";
import type { Guardrail } from "@/server/inventory/bedrock";
import type { GuardrailPolicyType } from "@/server/logs/record";
import { seedOf } from "@/server/logs/demo/random";
import type { AccountKey } from "@/server/sources/demo/accounts";
import { policyShares, noise, timeline, versionHour, type HourCounts } from "./traffic";

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Of the calls that reach a guardrail, how many also have the response checked (the rest fail or stream-cancel first). */
const OUTPUT_SHARE = 0.92;
/** Of the interventions, how many are on the prompt rather than the response. */
const INPUT_INTERVENED = 0.7;

type Point = { t: string; invocations: number; intervened: number };

/** Spreads an hour's counts over its minutes with deterministic weights; the minutes sum to the hour. */
function splitHour(seed: number, hour: number, c: HourCounts): HourCounts[] {
  const weights = Array.from({ length: 60 }, (_, m) => 0.5 + noise(seed, hour * 60 + m));
  const total = weights.reduce((a, b) => a + b, 0);
  const spread = (n: number) => {
    const parts = weights.map((w) => Math.floor((n * w) / total));
    let rest = n - parts.reduce((a, b) => a + b, 0);
    for (let m = 0; rest > 0; m = (m + 1) % 60, rest--) parts[m] = (parts[m] ?? 0) + 1;
    return parts;
  };
  const inv = spread(c.invocations);
  const hit = spread(c.intervened);
  return inv.map((invocations, m) => ({ invocations, intervened: Math.min(invocations, hit[m] ?? 0) }));
}

export type SeriesRequest = { from: Date; to: Date; bucket: TimeBucket; end: Date };

/** One account × region's generated metrics, shaped exactly like readGuardrailMetrics' answer. */
export function demoTargetMetrics(
  account: { key: AccountKey; id: string },
  region: string,
  guardrails: Guardrail[],
  r: SeriesRequest,
): Omit<GuardrailMetrics, "notice"> {
  const size = BUCKET_MS[r.bucket];
  const start = Math.floor(r.from.getTime() / size) * size;
  const n = Math.ceil((r.to.getTime() - start) / size);
  const empty = (): Point[] =>
    Array.from({ length: n }, (_, i) => ({ t: new Date(start + i * size).toISOString(), invocations: 0, intervened: 0 }));
  const series = new Map<string, Point[]>();
  const seriesOf = (key: string) => series.get(key) ?? series.set(key, empty()).get(key) ?? [];
  const add = (key: string, at: number, c: HourCounts) => {
    const p = seriesOf(key)[Math.floor((at - start) / size)];
    if (!p) return;
    p.invocations += c.invocations;
    p.intervened += c.intervened;
  };
  const addHour = (key: string, hourStart: number, c: HourCounts) => {
    if (c.invocations === 0 && c.intervened === 0) return;
    if (r.bucket !== "minute") return add(key, hourStart, c);
    const hour = hourStart / HOUR;
    splitHour(seedOf(key), hour, c).forEach((m, i) => add(key, hourStart + i * MINUTE, m));
  };

  // Nothing after the demo's "now": the estate has no future.
  const last = Math.min(r.to.getTime(), r.end.getTime());
  for (let h = Math.floor(start / HOUR) * HOUR; h < last; h += HOUR) {
    for (const g of guardrails) {
      for (const span of timeline(g)) {
        const c = versionHour(account.key, region, g, span, h);
        if (c.invocations === 0) continue;
        addHour(`g ${g.arn} ${span.version}`, h, c);
        const body = span.version === "DRAFT" ? g.draft : g.versions.find((v) => v.version === span.version);
        for (const { policyType, share } of body ? policyShares(body) : []) {
          addHour(`p ${policyType}`, h, { invocations: c.invocations, intervened: Math.round(c.intervened * share) });
        }
        const inputHit = Math.round(c.intervened * INPUT_INTERVENED);
        addHour("s input", h, { invocations: c.invocations, intervened: inputHit });
        addHour("s output", h, { invocations: Math.round(c.invocations * OUTPUT_SHARE), intervened: c.intervened - inputHit });
      }
    }
  }

  const entries = [...series.entries()];
  return {
    accountId: account.id,
    region,
    bucket: r.bucket,
    guardrails: entries.flatMap(([key, points]) => {
      const [kind, arn, version] = key.split(" ");
      return kind === "g" && arn && version ? [{ arn, version, points }] : [];
    }),
    byPolicyType: entries.flatMap(([key, points]) =>
      key.startsWith("p ") ? [{ policyType: key.slice(2) as GuardrailPolicyType, points }] : [],
    ),
    bySource: entries.flatMap(([key, points]) =>
      key === "s input" || key === "s output" ? [{ source: key.slice(2) as "input" | "output", points }] : [],
    ),
  };
}
