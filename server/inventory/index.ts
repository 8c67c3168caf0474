import "server-only";
import { z } from "zod";
import { bedrockInventorySchema } from "./bedrock";
import { iamInventorySchema } from "./iam";
import { ec2InventorySchema } from "./network";
import { kmsInventorySchema, s3InventorySchema } from "./storage";
import { cloudtrailInventorySchema, cloudwatchInventorySchema, logsInventorySchema } from "./audit";
import { organizationSchema } from "./organizations";
import { partSchema, type Unavailable } from "./part";

/**
 * Everything the checks need for one account × region. IAM and Organizations are account-wide:
 * sources put the same data in every region of an account, and account-scoped checks read it once.
 */
export const inventorySchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  accountName: z.string(),
  region: z.string(),
  partition: z.enum(["aws", "aws-cn", "aws-us-gov"]).default("aws"),
  collectedAt: z.string(),
  bedrock: bedrockInventorySchema,
  iam: partSchema(iamInventorySchema),
  ec2: ec2InventorySchema,
  kms: kmsInventorySchema,
  s3: s3InventorySchema,
  cloudtrail: cloudtrailInventorySchema,
  logs: logsInventorySchema,
  cloudwatch: cloudwatchInventorySchema,
  /** `null` when the account is not a member of an AWS Organization. */
  organizations: partSchema(organizationSchema.nullable()),
});
export type Inventory = z.infer<typeof inventorySchema>;

type Issue = { path: PropertyKey[]; message: string };

function isPartPath(path: PropertyKey[]): number {
  // Parts sit at depth 1 (iam, organizations) or depth 2 (bedrock.guardrails, ec2.vpcs …).
  return path[0] === "iam" || path[0] === "organizations" ? 1 : 2;
}

/**
 * Validates a raw inventory part by part. A part that fails validation is replaced by an
 * `unavailable` part quoting the problem, so its checks report ERROR rather than PASS or crash.
 * Only a broken envelope (account id, region) rejects the whole inventory.
 */
export function parseInventory(raw: unknown): { inventory: Inventory; invalidParts: string[] } {
  const first = inventorySchema.safeParse(raw);
  if (first.success) return { inventory: first.data, invalidParts: [] };

  const copy = structuredClone(raw) as Record<string, Record<string, unknown>>;
  const invalid = new Map<string, string>();
  for (const issue of first.error.issues as Issue[]) {
    const depth = isPartPath(issue.path);
    if (issue.path.length < depth) continue;
    const key = issue.path.slice(0, depth).map(String);
    const where = key.join(".");
    if (!invalid.has(where)) invalid.set(where, `${issue.path.map(String).join(".")}: ${issue.message}`);
  }
  for (const [where, message] of invalid) {
    const replacement: Unavailable = { status: "unavailable", reason: `Collected data failed validation (${message})` };
    const [top, sub] = where.split(".") as [string, string | undefined];
    if (sub === undefined) (copy as Record<string, unknown>)[top] = replacement;
    else if (typeof copy[top] === "object" && copy[top] !== null) copy[top][sub] = replacement;
  }
  const second = inventorySchema.safeParse(copy);
  if (!second.success) {
    throw new Error(
      `Inventory envelope is invalid: ${second.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return { inventory: second.data, invalidParts: [...invalid.keys()] };
}
