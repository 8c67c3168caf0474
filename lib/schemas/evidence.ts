import { z } from "zod";
import { FRAMEWORK_IDS } from "./compliance";

export const EVIDENCE_FORMAT = "strata-evidence/1";

/** Files the bundle adds itself; they are never listed in the manifest's `files`. */
export const BUNDLE_META_FILES = ["manifest.json", "manifest.sig", "public-key.pem"] as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Letters, digits, ".", "_", "-" in "/"-separated segments; no "." or ".." segment, no leading "/". */
export const BUNDLE_PATH = /^(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+)*$/;

const sha256 = z.string().regex(SHA256_HEX, "must be a lower-case hex SHA-256 (64 characters)");

const manifestFileSchema = z.strictObject({
  path: z.string().max(255).regex(BUNDLE_PATH, "must be a relative path of [A-Za-z0-9._-] segments"),
  sha256,
  bytes: z.number().int().nonnegative(),
});

export const manifestSchema = z.strictObject({
  format: z.literal(EVIDENCE_FORMAT),
  scanId: z.string().min(1),
  /** A framework id, or "all". */
  framework: z.string().min(1),
  scope: z.strictObject({ accounts: z.array(z.string()), regions: z.array(z.string()) }),
  createdAt: z.iso.datetime({ offset: true }),
  generator: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }),
  /** SHA-256 (hex) of the signing public key's SPKI DER encoding. */
  keyId: sha256,
  /** SHA-256 (hex) of the previous export's manifest.json bytes; null for the first export. */
  previousManifestSha256: sha256.nullable(),
  files: z.array(manifestFileSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;

const VERIFY_CHECKS = ["zip", "limits", "manifest", "public-key", "signature", "file", "chain"] as const;

const verifyCheckSchema = z.object({
  check: z.enum(VERIFY_CHECKS),
  ok: z.boolean(),
  /** The file, or the chain link ("bundle 1 → bundle 2"), the check is about. */
  subject: z.string(),
  message: z.string(),
});

export type VerifyCheck = z.infer<typeof verifyCheckSchema>;

const bundleReportSchema = z.object({
  ok: z.boolean(),
  source: z.string(),
  /** SHA-256 of manifest.json as stored; what the next export's previousManifestSha256 must be. */
  manifestSha256: z.string().nullable(),
  manifest: manifestSchema.nullable(),
  checks: z.array(verifyCheckSchema),
});

export type BundleReport = z.infer<typeof bundleReportSchema>;

export const chainReportSchema = z.object({
  ok: z.boolean(),
  bundles: z.array(bundleReportSchema),
  /** One per adjacent pair, in the order given. */
  links: z.array(verifyCheckSchema),
});

export type ChainReport = z.infer<typeof chainReportSchema>;

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** What the export dialog, the export route and `strata export` ask for: the same options everywhere. */
export const exportRequestSchema = z.strictObject({
  scanId: z.string().min(1).max(100),
  framework: z.union([z.enum(FRAMEWORK_IDS), z.literal("all")]),
  /** Empty: every account of the scan. */
  accounts: z.array(z.string().regex(ACCOUNT_ID, "each account id must be 12 digits")).max(1000).default([]),
  /** Empty: every region of the scan. */
  regions: z.array(z.string().regex(REGION, "each region must look like eu-west-1")).max(100).default([]),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** What building a bundle goes through, in order; the export reports each as it starts. */
export const EXPORT_BUILD_PHASES = [
  "evaluating",
  "report",
  "findings",
  "ocsf",
  "oscal",
  "inventory",
  "attestations",
  "signing",
] as const;
/** An export job's phases: waiting its turn, the build's, then done. */
export const EXPORT_PHASES = ["queued", ...EXPORT_BUILD_PHASES, "done"] as const;
export type ExportPhase = (typeof EXPORT_PHASES)[number];

export const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(["building", "ready", "failed"]),
  phase: z.enum(EXPORT_PHASES),
  /** Phases finished out of all phases: what the progress bar shows. */
  step: z.number().int().nonnegative(),
  steps: z.number().int().positive(),
  /** Bytes of ZIP written so far. */
  bytes: z.number().int().nonnegative(),
  request: exportRequestSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  fileName: z.string(),
  manifestSha256: z.string().nullable(),
  previousManifestSha256: z.string().nullable(),
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const exportParamsSchema = z.object({ exportId: z.uuid("an export id is a UUID") });

const exportRecordSchema = z.object({
  id: z.string(),
  scanId: z.string(),
  framework: z.string(),
  manifestSha256: z.string(),
  previousManifestSha256: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** GET /api/evidence/exports: the recorded chain, newest first (see listExports). */
export const exportHistorySchema = z.object({
  exports: z.array(exportRecordSchema),
  end: z.enum(["first", "limit", "broken"]),
  offChain: z.number().int().nonnegative(),
});
export type ExportHistory = z.infer<typeof exportHistorySchema>;
