import { createSerializer } from "nuqs";
import type { POLICY_TYPES } from "@/components/logs/constants";
import { logsSearchParams } from "../../logs/search-params";
import { toTrendsFilter, type GuardrailsSearchState } from "../search-params";

const serializeLogs = createSerializer(logsSearchParams);

type PolicyType = (typeof POLICY_TYPES)[number];

/** What a click adds to the page's filters: one value of the dimension clicked, or one bucket. */
export type Drill =
  | { bucket: { t: string; size: number }; side?: "input" | "output" }
  | { gid: string }
  | { policy: PolicyType }
  | { model: string }
  | { principal: string };

/**
 * The /logs URL listing exactly the interventions a chart element counted: the page's resolved
 * range (a bucket clipped to it), its filters, the clicked value and `guardrail=INTERVENED`.
 * The range is absolute because /logs would resolve a preset against its own "now".
 */
export function logsHref(state: GuardrailsSearchState, now: number, drill: Drill): string {
  const filter = toTrendsFilter(state, now);
  let from = Date.parse(filter.from);
  let to = Date.parse(filter.to);
  if ("bucket" in drill) {
    const start = Date.parse(drill.bucket.t);
    from = Math.max(from, start);
    to = Math.min(to, start + drill.bucket.size);
  }
  return serializeLogs("/logs", {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    account: filter.accountIds ?? null,
    region: filter.regions ?? null,
    model: "model" in drill ? [drill.model] : (filter.modelIds ?? null),
    principal: "principal" in drill ? [drill.principal] : (filter.principalArns ?? null),
    gid: "gid" in drill ? [drill.gid] : (filter.guardrailIds ?? null),
    policy: "policy" in drill ? [drill.policy] : null,
    side: "side" in drill && drill.side ? [drill.side] : null,
    guardrail: ["INTERVENED"],
  });
}
