// The invocation-log vocabulary, shared by the zod schemas (lib/schemas/logs.ts), the server's record
// type and the browser. Plain values, no zod: importing them keeps zod out of a page's first load.

export const LOG_POLICY_TYPES = ["content", "topic", "word", "pii", "grounding", "promptAttack", "automatedReasoning"] as const;
export const LOG_PRINCIPAL_TYPES = ["assumed-role", "iam-user", "root", "federated", "service", "unknown"] as const;

/** Where a guardrail's findings were: the prompt (input) or the model's output. */
export const GUARDRAIL_SIDES = ["input", "output"] as const;

/** Guardrail ids as Bedrock mints them (ListGuardrails / the trace's assessment keys). */
export const GUARDRAIL_ID = /^[a-z0-9]{1,64}$/;

/** The facet sidebar's groups, in display order. */
export const FACET_KEYS = [
  "models",
  "principals",
  "operations",
  "errorCodes",
  "guardrailActions",
  "guardrails",
  "guardrailPolicyTypes",
  "guardrailSides",
  "regions",
] as const;
