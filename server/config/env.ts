import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";

const csv = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

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
    STRATA_SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    /** Demo only: pause per collected account × region so a person can watch progress. */
    STRATA_DEMO_COLLECT_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
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
    if (env.STRATA_SOURCE === "aws") {
      ctx.addIssue({
        code: "custom",
        path: ["STRATA_SOURCE"],
        message: "the AWS source is not available in this release yet; use demo (see README, 'What does not work yet')",
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
