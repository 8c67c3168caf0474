import "server-only";
import { z } from "zod";

export const orgPolicySchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  type: z.enum([
    "SERVICE_CONTROL_POLICY",
    "AISERVICES_OPT_OUT_POLICY",
    "BEDROCK_POLICY",
    "RESOURCE_CONTROL_POLICY",
    "TAG_POLICY",
    "BACKUP_POLICY",
  ]),
  awsManaged: z.boolean().default(false),
  /** DescribePolicy Content: raw JSON text, parsed by the checks so a bad one can be quoted. */
  content: z.string(),
  targetIds: z.array(z.string()),
});
export type OrgPolicy = z.infer<typeof orgPolicySchema>;

export const organizationSchema = z.object({
  organizationId: z.string(),
  managementAccountId: z.string(),
  enabledPolicyTypes: z.array(z.string()),
  /** Root, OU and account ids above and including this account: a policy applies when it targets one. */
  accountTargetIds: z.array(z.string()),
  policies: z.array(orgPolicySchema),
});
export type Organization = z.infer<typeof organizationSchema>;
