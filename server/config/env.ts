import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ALL_AWS_REGIONS } from "@/lib/constants/aws-regions";
import { parseSigningKeyPem } from "@/server/evidence/keys";

const csv = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** An IAM role ARN in any partition; the account id is what Strata scans through it. */
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

const knownRegion = z
  .string()
  .refine((r) => ALL_AWS_REGIONS.includes(r), { message: "is not an AWS region Strata knows (e.g. eu-west-1)" });

/** `group=role,group=role`: the identity provider's groups mapped to Strata roles. */
const roleMap = z.string().transform((value, ctx) => {
  // No prototype: a group named "constructor" or "__proto__" must be an ordinary key.
  const map: Record<string, Role> = Object.create(null) as Record<string, Role>;
  for (const pair of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [group, role] = pair.split("=").map((x) => x.trim());
    if (!group || !role || !(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: "custom", message: `"${pair}" is not group=role with role one of ${ROLES.join(", ")}` });
      return z.NEVER;
    }
    map[group] = role as Role;
  }
  return map;
});

const DURATION_UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MIN_SCAN_INTERVAL_MS = 5 * 60_000;
const MAX_SCAN_INTERVAL_MS = 30 * 86_400_000;

/** `30m`, `6h`, `1d`: how often scheduled scans run; kept as written for display, and in ms. */
const scanInterval = z.string().transform((value, ctx) => {
  const match = /^(\d{1,6})([mhd])$/.exec(value.trim());
  const unit = match?.[2] as keyof typeof DURATION_UNIT_MS | undefined;
  if (!match || !unit) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a duration such as 30m, 6h or 1d` });
    return z.NEVER;
  }
  const ms = Number(match[1]) * DURATION_UNIT_MS[unit];
  if (ms < MIN_SCAN_INTERVAL_MS || ms > MAX_SCAN_INTERVAL_MS) {
    ctx.addIssue({ code: "custom", message: `must be between 5m and 30d, not "${value}"` });
    return z.NEVER;
  }
  return { text: value.trim(), ms };
});

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    STRATA_SOURCE: z.enum(["demo", "aws"]).default("demo"),
    STRATA_DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    AUTH_OIDC_ISSUER: z.url("must be the issuer URL of your OpenID provider").optional(),
    AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).default("Single sign-on"),
    AUTH_OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
    AUTH_OIDC_SCOPE: z.string().min(1).default("openid email profile"),
    STRATA_ROLE_MAP: roleMap.default({}),
    STRATA_APPROVED_REGIONS: csv
      .pipe(z.array(z.string().regex(REGION, "each entry must be an AWS region such as eu-west-1")).min(1))
      .optional(),
    STRATA_APPROVED_GEOGRAPHIES: csv
      .pipe(z.array(z.enum(["us", "eu", "apac", "ca", "jp", "au", "us-gov", "global"])).min(1))
      .optional(),
    STRATA_MIN_LOG_RETENTION_DAYS: z.coerce.number().int().positive().optional(),
    STRATA_MAX_AGENT_IDLE_SECONDS: z.coerce.number().int().positive().optional(),
    STRATA_TRUSTED_ACCOUNT_IDS: csv
      .pipe(z.array(z.string().regex(/^\d{12}$/, "each entry must be a 12-digit account id")))
      .optional(),
    /** Which accounts an AWS scan covers: the credentials' own, STRATA_AWS_ROLE_ARNS, or the organization's. */
    STRATA_AWS_ACCOUNTS: z.enum(["current", "roles", "organization"]).default("current"),
    STRATA_AWS_ROLE_ARNS: csv
      .pipe(
        z.array(
          z.string().regex(ROLE_ARN, "each entry must be an IAM role ARN such as arn:aws:iam::111122223333:role/StrataReadOnly"),
        ),
      )
      .optional(),
    STRATA_AWS_EXTERNAL_ID: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, "must be 2–1224 characters of letters, digits and +=,.@:/-")
      .optional(),
    /** Role assumed in every member account in organization mode. */
    STRATA_AWS_ROLE_NAME: z
      .string()
      .regex(ROLE_NAME, "must be an IAM role name such as StrataReadOnly")
      .default("StrataReadOnly"),
    /** Unset: every enabled region where Bedrock is available, discovered per account. */
    STRATA_AWS_REGIONS: csv.pipe(z.array(knownRegion).min(1)).optional(),
    /** AWS requests in flight at once across a whole scan; per service and client the cap is 8. */
    STRATA_AWS_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(256).default(32),
    STRATA_SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    /** Unset: scans run only when someone starts one. */
    STRATA_SCAN_INTERVAL: scanInterval.optional(),
    /**
     * Where the explorer reads invocation logs: the embedded store (demo data and imported S3
     * files, in <STRATA_DATA_DIR>/logs.db) or CloudWatch Logs Insights. Unset: embedded for the
     * demo source, cloudwatch for aws.
     */
    STRATA_LOG_STORE: z.enum(["embedded", "cloudwatch"]).optional(),
    /** Demo only: how many invocation records the demo generator writes (250,000 over 30 days). */
    STRATA_DEMO_LOG_RECORDS: z.coerce.number().int().min(0).max(5_000_000).default(250_000),
    /** Demo only: pause per collected account × region so a person can watch progress. */
    STRATA_DEMO_COLLECT_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
    /** Ed25519 PKCS#8 PEM that signs evidence bundles; unset: one is generated once under STRATA_DATA_DIR. */
    STRATA_EVIDENCE_SIGNING_KEY: z
      .string()
      .superRefine((pem, ctx) => {
        try {
          parseSigningKeyPem(pem);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        }
      })
      .optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when any AUTH_OIDC_* setting is set" });
      }
    }
    if (env.AUTH_OIDC_ISSUER && Object.keys(env.STRATA_ROLE_MAP).length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["STRATA_ROLE_MAP"],
        message: "is required with OIDC: map at least one group to a role",
      });
    }
    if (env.STRATA_AWS_ACCOUNTS === "roles" && !env.STRATA_AWS_ROLE_ARNS?.length) {
      ctx.addIssue({ code: "custom", path: ["STRATA_AWS_ROLE_ARNS"], message: "is required when STRATA_AWS_ACCOUNTS=roles" });
    }
    if (env.STRATA_AWS_ACCOUNTS !== "roles" && env.STRATA_AWS_ROLE_ARNS?.length) {
      ctx.addIssue({
        code: "custom",
        path: ["STRATA_AWS_ROLE_ARNS"],
        message: `is only used with STRATA_AWS_ACCOUNTS=roles (it is ${env.STRATA_AWS_ACCOUNTS})`,
      });
    }
    if (env.STRATA_SOURCE === "aws" && !env.AUTH_OIDC_ISSUER) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message: "is required when STRATA_SOURCE=aws (demo sign-in is for the demo estate only)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment; the message names every bad setting and what is wrong with it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new ConfigError(`Strata cannot start: invalid configuration\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Demo users (credentials sign-in) exist only while the source is the demo estate. */
export function isDemo(): boolean {
  return env().STRATA_SOURCE === "demo";
}
