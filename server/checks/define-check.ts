import "server-only";
import { z } from "zod";
import { categorySchema, severitySchema, type Status } from "@/lib/schemas/finding";
import type { Inventory } from "@/server/inventory";
import type { Part, Unavailable } from "@/server/inventory/part";

/** What a check returns for one resource; the engine adds ids, account, region, severity and category. */
export type FindingDraft = {
  resourceArn: string;
  status: Status;
  message: string;
  /** The excerpt of the inventory that decided the verdict (shown in the UI and the evidence bundle). */
  evidence: unknown;
};

/** Tunables a security team sets once (DESIGN: data residency, retention, session TTL). */
export type CheckSettings = {
  approvedRegions: string[];
  /** Inference-profile geography prefixes allowed (us, eu, apac, …); `global` profiles route anywhere. */
  approvedGeographies: string[];
  minLogRetentionDays: number;
  maxAgentIdleSessionSeconds: number;
  /** Accounts an endpoint or key policy may name besides the account itself. */
  trustedAccountIds: string[];
};

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  approvedRegions: ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"],
  approvedGeographies: ["us", "eu"],
  minLogRetentionDays: 365,
  maxAgentIdleSessionSeconds: 3600,
  trustedAccountIds: [],
};

export type CheckContext = { settings: CheckSettings };

export const checkMetadataSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id"),
  title: z.string().min(8),
  severity: severitySchema,
  category: categorySchema,
  /** `account`: evaluated once per account (IAM, Organizations); `region`: per account × region. */
  scope: z.enum(["account", "region"]),
  rationale: z.string().min(40),
  remediation: z.object({
    console: z.array(z.string().min(1)).min(1),
    cli: z.string().min(1),
    terraform: z.string().min(1),
  }),
  references: z.array(z.url()).min(1),
  // No `frameworks` here: the registry derives each check's mappings from server/compliance/frameworks.
});
type CheckMetadata = z.infer<typeof checkMetadataSchema>;

export type Check = CheckMetadata & {
  evaluate: (inventory: Inventory, context: CheckContext) => FindingDraft[];
};

export function defineCheck(check: Check): Check {
  return check;
}

// Matches only the `ok` member: inferring through the whole union would widen every part to `unknown`.
type DataOf<P> = P extends { status: "ok"; data: infer T } ? T : never;

/** The ERROR finding for inputs that could not be collected: it names what to grant. */
function unavailableFinding(resourceArn: string, missing: Record<string, Unavailable>): FindingDraft {
  const parts = Object.entries(missing).map(([name, u]) =>
    u.action ? `${name}: ${u.reason} (grant ${u.action})` : `${name}: ${u.reason}`,
  );
  return {
    resourceArn,
    status: "ERROR",
    message: `Could not evaluate: ${parts.join("; ")}`,
    evidence: missing,
  };
}

/**
 * Runs `fn` with the data of every part, or returns one ERROR finding naming each part that is
 * unavailable. This is the only way checks should read parts, so none can PASS on missing data.
 */
export function withParts<T extends Record<string, Part<unknown>>>(
  resourceArn: string,
  parts: T,
  fn: (data: { [K in keyof T]: DataOf<T[K]> }) => FindingDraft[],
): FindingDraft[] {
  const missing: Record<string, Unavailable> = {};
  const data: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) {
    if (part.status === "ok") data[name] = part.data;
    else missing[name] = part;
  }
  const absent = Object.entries(missing).filter(([, u]) => u.notInRegion === true);
  // Only when every missing part is absent from the region: a denial elsewhere still means ERROR.
  if (absent.length > 0 && absent.length === Object.keys(missing).length) {
    const reasons = absent.map(([name, u]) => `${name}: ${u.reason}`).join("; ");
    return [{ resourceArn, status: "NOT_APPLICABLE", message: `Not applicable: ${reasons}`, evidence: missing }];
  }
  if (Object.keys(missing).length > 0) return [unavailableFinding(resourceArn, missing)];
  return fn(data as { [K in keyof T]: DataOf<T[K]> });
}

/** ARN used for findings about a whole account × region (e.g. "no guardrail in this region"). */
export function regionArn(inventory: Inventory, service: string): string {
  return `arn:${inventory.partition}:${service}:${inventory.region}:${inventory.accountId}:*`;
}

export function accountArn(inventory: Inventory): string {
  return `arn:${inventory.partition}:iam::${inventory.accountId}:root`;
}
