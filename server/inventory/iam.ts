import "server-only";
import { z } from "zod";

/**
 * Policy documents stay `unknown` here on purpose: one malformed document must become an ERROR
 * finding that quotes it (see server/checks/iam-eval), not make the whole IAM part unavailable.
 */
const inlinePolicy = z.object({ name: z.string(), document: z.unknown() });
const attached = z.object({ policyName: z.string(), policyArn: z.string() });

export const iamRoleSchema = z.object({
  roleName: z.string(),
  arn: z.string(),
  path: z.string().default("/"),
  assumeRolePolicyDocument: z.unknown(),
  inlinePolicies: z.array(inlinePolicy),
  attachedPolicies: z.array(attached),
  permissionsBoundaryArn: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
  /** Last time any Bedrock action was used by the role (service last accessed), when known. */
  bedrockLastAccessed: z.string().nullable().optional(),
});
export type IamRole = z.infer<typeof iamRoleSchema>;

export const iamUserSchema = z.object({
  userName: z.string(),
  arn: z.string(),
  groups: z.array(z.string()),
  inlinePolicies: z.array(inlinePolicy),
  attachedPolicies: z.array(attached),
  /** Bedrock API keys (service-specific credentials for bedrock.amazonaws.com). */
  bedrockApiKeys: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["Active", "Inactive", "Expired"]),
      createDate: z.string(),
      expirationDate: z.string().optional(),
    }),
  ),
});
export type IamUser = z.infer<typeof iamUserSchema>;

export const iamGroupSchema = z.object({
  groupName: z.string(),
  arn: z.string(),
  inlinePolicies: z.array(inlinePolicy),
  attachedPolicies: z.array(attached),
});
export type IamGroup = z.infer<typeof iamGroupSchema>;

/** Managed policies (AWS and customer) that are attached somewhere, with their default version. */
export const managedPolicySchema = z.object({
  policyName: z.string(),
  arn: z.string(),
  isAwsManaged: z.boolean(),
  defaultVersionId: z.string(),
  document: z.unknown(),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

export const iamInventorySchema = z.object({
  roles: z.array(iamRoleSchema),
  users: z.array(iamUserSchema),
  groups: z.array(iamGroupSchema),
  policies: z.array(managedPolicySchema),
});
export type IamInventory = z.infer<typeof iamInventorySchema>;
