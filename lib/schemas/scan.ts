import { z } from "zod";
import { scoreReportSchema } from "./score";

export const SCAN_STATUSES = ["queued", "running", "completed", "failed"] as const;
export const scanStatusSchema = z.enum(SCAN_STATUSES);

/** A collection problem recorded during a scan: which account, region and service, and why. */
export const scanErrorSchema = z.object({
  accountId: z.string(),
  region: z.string(),
  part: z.string(),
  reason: z.string(),
  action: z.string().optional(),
});
export type ScanError = z.infer<typeof scanErrorSchema>;

export const scanSchema = z.object({
  id: z.string(),
  source: z.string(),
  status: scanStatusSchema,
  requestedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number(), label: z.string().nullable() }),
  score: scoreReportSchema.nullable(),
  errors: z.array(scanErrorSchema),
  error: z.string().nullable(),
});
export type Scan = z.infer<typeof scanSchema>;

export const scanListSchema = z.array(scanSchema.omit({ errors: true }));
export type ScanListItem = z.infer<typeof scanListSchema>[number];

export const startScanResponseSchema = z.object({ id: z.string() });
