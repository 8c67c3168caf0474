import { z } from "zod";
import { FINDING_SORTS } from "@/lib/constants/finding";
import { categorySchema, severitySchema, statusSchema } from "./finding";
import { gradeSchema } from "./score";
import { scanSchema } from "./scan";

const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((x) => x.trim()).filter(Boolean)))
    .pipe(z.array(item));

/** The findings filter: URL state on the page and the query string of /api/findings. */
export const findingsQuerySchema = z.object({
  scan: z.string().max(64).optional(),
  account: csvOf(z.string().regex(/^\d{12}$/, "account ids are 12 digits")),
  region: csvOf(z.string().regex(/^[a-z0-9-]{2,32}$/, "not a region")),
  category: csvOf(categorySchema),
  severity: csvOf(severitySchema),
  status: csvOf(statusSchema),
  check: z.string().max(128).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(FINDING_SORTS).default("severity"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
});
export type FindingsQuery = z.infer<typeof findingsQuerySchema>;

const findingRowSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  checkTitle: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  region: z.string(),
  resourceArn: z.string(),
  status: statusSchema,
  severity: severitySchema,
  category: categorySchema,
  message: z.string(),
});
export type FindingRow = z.infer<typeof findingRowSchema>;

export const findingsPageSchema = z.object({
  scanId: z.string().nullable(),
  rows: z.array(findingRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FindingsPage = z.infer<typeof findingsPageSchema>;

export const findingDetailSchema = findingRowSchema.extend({ evidence: z.unknown() });
export type FindingDetail = z.infer<typeof findingDetailSchema>;

const checkSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: severitySchema,
  category: categorySchema,
  scope: z.enum(["account", "region"]),
  counts: z.object({ PASS: z.number(), FAIL: z.number(), ERROR: z.number(), NOT_APPLICABLE: z.number(), MANUAL: z.number() }),
});
export type CheckSummary = z.infer<typeof checkSummarySchema>;

/** @public The /api/checks/[checkId] response. */
export const checkDetailSchema = checkSummarySchema.extend({
  rationale: z.string(),
  remediation: z.object({ console: z.array(z.string()), cli: z.string(), terraform: z.string() }),
  references: z.array(z.string()),
  frameworks: z.record(z.string(), z.array(z.string())),
  findings: z.array(findingDetailSchema),
  scanId: z.string().nullable(),
});
export type CheckDetail = z.infer<typeof checkDetailSchema>;

const accountSchema = z.object({ id: z.string(), name: z.string() });

/** @public The /api/posture response. */
export const overviewSchema = z.object({
  scan: scanSchema.nullable(),
  accounts: z.array(accountSchema),
  regions: z.array(z.string()),
  failingBySeverity: z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }),
  topFailingChecks: z.array(checkSummarySchema),
  trend: z.array(z.object({ scanId: z.string(), at: z.string(), score: z.number().nullable(), grade: gradeSchema.nullable() })),
});
export type Overview = z.infer<typeof overviewSchema>;
