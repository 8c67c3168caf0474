import { z } from "zod";

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
