import { z } from "zod";

export const STATUSES = ["PASS", "FAIL", "ERROR", "NOT_APPLICABLE", "MANUAL"] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** Weights from DESIGN.md: the score is the severity-weighted share of passing findings. */
export const SEVERITY_WEIGHT = { critical: 10, high: 5, medium: 3, low: 1 } as const satisfies Record<Severity, number>;

export const CATEGORIES = ["IAM", "Network", "Encryption", "Logging", "Guardrails", "Monitoring", "Governance"] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Account-level findings (IAM, Organizations) carry this in place of a region. */
export const GLOBAL_REGION = "global";

export const findingSchema = z.object({
  id: z.string(),
  scanId: z.string(),
  checkId: z.string(),
  accountId: z.string(),
  region: z.string(),
  resourceArn: z.string(),
  status: statusSchema,
  severity: severitySchema,
  category: categorySchema,
  message: z.string(),
  evidence: z.unknown(),
});
export type Finding = z.infer<typeof findingSchema>;
