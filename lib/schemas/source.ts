import { z } from "zod";

/** How the accounts in effect were chosen (settings page, CLI, scan records). */
const ACCOUNT_MODES = ["demo", "current", "roles", "organization"] as const;
const accountModeSchema = z.enum(ACCOUNT_MODES);
export type AccountMode = z.infer<typeof accountModeSchema>;

/** One account a scan would cover, where it came from and how Strata reaches it. */
const sourceAccountSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  /** Human-readable origin: "current credentials", "STRATA_AWS_ROLE_ARNS", "AWS Organizations o-abc123", "demo estate". */
  origin: z.string(),
  /** The role Strata assumes in the account; null when it uses the credentials it runs with. */
  roleArn: z.string().nullable(),
  regions: z.array(z.string()),
  /** Where the region list came from: "STRATA_AWS_REGIONS", "discovered (enabled regions where Bedrock is available)", "demo estate". */
  regionsOrigin: z.string(),
});
export type SourceAccount = z.infer<typeof sourceAccountSchema>;

/** The accounts and regions in effect, or the reason they could not be determined. */
export const sourceDescriptionSchema = z.object({
  kind: z.enum(["demo", "aws"]),
  accountMode: accountModeSchema,
  accounts: z.array(sourceAccountSchema),
  /** Problems met while resolving targets (e.g. a denied organizations:ListAccounts); the rest is still listed. */
  problems: z.array(z.object({ accountId: z.string().nullable(), reason: z.string(), action: z.string().optional() })),
});
export type SourceDescription = z.infer<typeof sourceDescriptionSchema>;

/** sts:GetCallerIdentity through the credentials Strata would use for one account. */
export const connectionResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), accountId: z.string(), arn: z.string(), userId: z.string(), latencyMs: z.number() }),
  z.object({
    ok: z.literal(false),
    accountId: z.string(),
    error: z.string(),
    /** The IAM action that was denied (typically sts:AssumeRole), when that is the cause. */
    action: z.string().optional(),
    latencyMs: z.number(),
  }),
]);
export type ConnectionResult = z.infer<typeof connectionResultSchema>;
