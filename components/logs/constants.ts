import { FACET_KEYS, LOG_POLICY_TYPES } from "@/lib/constants/log-fields";

export { GUARDRAIL_ID, GUARDRAIL_SIDES } from "@/lib/constants/log-fields";

export const POLICY_TYPES = LOG_POLICY_TYPES;

/** The facet sidebar's groups, in display order. */
export const FACET_ORDER = FACET_KEYS;
