/**
 * The finding vocabulary without zod: client components import these values directly, because
 * importing a value from lib/schemas pulls all of zod (~30 kB gzip) into a route's first load.
 */
export const STATUSES = ["PASS", "FAIL", "ERROR", "NOT_APPLICABLE", "MANUAL"] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Weights from DESIGN.md: the score is the severity-weighted share of passing findings. */
export const SEVERITY_WEIGHT = { critical: 10, high: 5, medium: 3, low: 1 } as const satisfies Record<Severity, number>;

export const CATEGORIES = ["IAM", "Network", "Encryption", "Logging", "Guardrails", "Monitoring", "Governance"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Account-level findings (IAM, Organizations) carry this in place of a region. */
export const GLOBAL_REGION = "global";

export const FINDING_SORTS = ["severity", "status", "check", "account", "region", "resource"] as const;
