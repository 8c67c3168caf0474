import { z } from "zod";
import { attestationSchema, FRAMEWORK_IDS, REQUIREMENT_STATUSES } from "./compliance";
import { categorySchema, severitySchema, statusSchema } from "./finding";
import { findingDetailSchema } from "./posture";

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z0-9-]{2,32}$/;

/** A comma-separated list in a query string (or repeated keys), each value checked. */
const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((x) => x.trim()).filter(Boolean)))
    .pipe(z.array(item).max(200, "at most 200 values"));

/** The scope every compliance view narrows to: accounts and regions of one scan. */
export const complianceScopeQuerySchema = z.object({
  accounts: csvOf(z.string().regex(ACCOUNT_ID, "account ids are 12 digits")),
  regions: csvOf(z.string().regex(REGION, "not a region")),
});
export type ComplianceScopeQuery = z.infer<typeof complianceScopeQuerySchema>;

/** GET /api/compliance and /api/compliance/[frameworkId]: the scan (default: latest completed) and the scope. */
export const complianceQuerySchema = complianceScopeQuerySchema.extend({ scan: z.string().min(1).max(64).optional() });
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const frameworkParamsSchema = z.object({ frameworkId: z.string().min(1).max(64) });
export const requirementParamsSchema = frameworkParamsSchema.extend({ requirementId: z.string().min(1).max(64) });

/** GET …/requirements/[requirementId]/findings: the drill-down, paged by an opaque cursor. */
export const requirementFindingsQuerySchema = complianceQuerySchema.extend({
  status: csvOf(statusSchema),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type RequirementFindingsQuery = z.infer<typeof requirementFindingsQuerySchema>;

const requirementStatusSchema = z.enum(REQUIREMENT_STATUSES);
const totalsSchema = z.record(requirementStatusSchema, z.number().int());
const coverageSchema = z.object({ automated: z.number(), evidenced: z.number(), total: z.number(), ratio: z.number() });

const scanChoiceSchema = z.object({ id: z.string(), finishedAt: z.string().nullable(), status: z.string() });
export type ScanChoice = z.infer<typeof scanChoiceSchema>;

const accountSchema = z.object({ id: z.string(), name: z.string() });

const frameworkSummarySchema = z.object({
  id: z.enum(FRAMEWORK_IDS),
  name: z.string(),
  version: z.string(),
  note: z.string().optional(),
  coverage: coverageSchema,
  totals: totalsSchema,
  /** PASS among the requirements that apply (all but NOT_APPLICABLE); null when none does. */
  passShare: z.number().nullable(),
  /** The same share with each account evaluated alone, highest first: where a framework stands per account. */
  accountShares: z.array(z.object({ accountId: z.string(), passShare: z.number().nullable() })),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

/** @public The /api/compliance response. */
export const complianceOverviewSchema = z.object({
  scan: scanChoiceSchema.nullable(),
  scans: z.array(scanChoiceSchema),
  accounts: z.array(accountSchema),
  regions: z.array(z.string()),
  frameworks: z.array(frameworkSummarySchema),
});
export type ComplianceOverview = z.infer<typeof complianceOverviewSchema>;

export const storedAttestationSchema = attestationSchema.extend({
  id: z.string(),
  scanId: z.string(),
  attachmentSha256: z.string().optional(),
});
export type StoredAttestationDto = z.infer<typeof storedAttestationSchema>;

const checkResultSchema = z.object({
  checkId: z.string(),
  title: z.string(),
  severity: severitySchema.nullable(),
  category: categorySchema.nullable(),
  status: requirementStatusSchema,
  findings: z.number().int(),
});

const requirementResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  customerMustShow: z.string(),
  manual: z.boolean(),
  awsInherited: z.object({ scope: z.string(), part: z.string() }).optional(),
  status: requirementStatusSchema,
  checks: z.array(checkResultSchema),
  byAccount: z.record(z.string(), requirementStatusSchema),
  byRegion: z.record(z.string(), requirementStatusSchema),
  attestation: storedAttestationSchema.optional(),
});
export type RequirementResultDto = z.infer<typeof requirementResultSchema>;

/** @public The /api/compliance/[frameworkId] response. */
export const frameworkDetailSchema = frameworkSummarySchema.extend({
  scan: scanChoiceSchema.nullable(),
  scans: z.array(scanChoiceSchema),
  accounts: z.array(accountSchema),
  regions: z.array(z.string()),
  requirements: z.array(requirementResultSchema),
});
export type FrameworkDetail = z.infer<typeof frameworkDetailSchema>;

const trendPointSchema = z.object({
  scanId: z.string(),
  finishedAt: z.string().nullable(),
  totals: totalsSchema,
  passShare: z.number().nullable(),
});
export type ComplianceTrendPoint = z.infer<typeof trendPointSchema>;

/** @public The /api/compliance/[frameworkId]/trend response: oldest scan first. */
export const frameworkTrendSchema = z.object({ frameworkId: z.enum(FRAMEWORK_IDS), points: z.array(trendPointSchema) });
export type FrameworkTrend = z.infer<typeof frameworkTrendSchema>;

/** A drill-down finding: the findings table's row with its evidence, as the posture finding detail has it. */
const requirementFindingSchema = findingDetailSchema;
export type RequirementFinding = z.infer<typeof requirementFindingSchema>;

/** @public The drill-down page: `nextCursor` is null on the last page. */
export const requirementFindingsPageSchema = z.object({
  scanId: z.string().nullable(),
  rows: z.array(requirementFindingSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type RequirementFindingsPage = z.infer<typeof requirementFindingsPageSchema>;
