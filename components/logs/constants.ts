import type { FacetKey, GUARDRAIL_SIDES as SCHEMA_SIDES, LOG_POLICY_TYPES } from "@/lib/schemas/logs";

// Copies of constants from lib/schemas/logs, which is a zod module: importing a value from it would put
// zod (~27 kB gzip) in /logs' first load. The checks below fail to compile if the copies drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type PolicyType = (typeof LOG_POLICY_TYPES)[number];

export const POLICY_TYPES = [
  "content",
  "topic",
  "word",
  "pii",
  "grounding",
  "promptAttack",
  "automatedReasoning",
] as const satisfies readonly PolicyType[];

/** Where a guardrail finding was: the prompt or the model's output. */
export const GUARDRAIL_SIDES = ["input", "output"] as const;

/** Guardrail ids as Bedrock mints them; the API refuses anything else. */
export const GUARDRAIL_ID = /^[a-z0-9]{1,64}$/;

/** The facet sidebar's groups, in display order. */
export const FACET_ORDER = [
  "models",
  "principals",
  "operations",
  "errorCodes",
  "guardrailActions",
  "guardrails",
  "guardrailPolicyTypes",
  "guardrailSides",
  "regions",
] as const satisfies readonly FacetKey[];

const policyTypesAgree: Same<(typeof POLICY_TYPES)[number], PolicyType> = true;
const facetKeysAgree: Same<(typeof FACET_ORDER)[number], FacetKey> = true;
const sidesAgree: Same<(typeof GUARDRAIL_SIDES)[number], (typeof SCHEMA_SIDES)[number]> = true;
void [policyTypesAgree, facetKeysAgree, sidesAgree];
