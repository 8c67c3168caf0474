import "server-only";
import type { Organization, OrgPolicy } from "@/server/inventory/organizations";
import { accountByKey, DEMO_ACCOUNTS, MANAGEMENT_ACCOUNT_ID, type AccountKey } from "./accounts";
import { guardrail } from "./arns";
import { policy, type PolicyDocument } from "./iam/documents";
import { stableId } from "./prng";

const ORG_ID = `o-${stableId.lower("org", 10)}`;
const ROOT = `r-${stableId.lower("org/root", 4)}`;
const ou = (name: string) => `ou-${ROOT.slice(2)}-${stableId.lower(`org/ou/${name}`, 8)}`;
const OU = {
  workloads: ou("Workloads"),
  production: ou("Production"),
  nonProduction: ou("NonProduction"),
  sandbox: ou("Sandbox"),
  security: ou("Security"),
};

/** The company's approved regions (the same list Strata's default settings approve). */
const APPROVED_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];

const GLOBAL_SERVICES = [
  "iam:*",
  "organizations:*",
  "account:*",
  "sts:*",
  "support:*",
  "trustedadvisor:*",
  "health:*",
  "budgets:*",
  "ce:*",
  "cur:*",
  "route53:*",
  "route53domains:*",
  "cloudfront:*",
  "waf:*",
  "wafv2:*",
  "shield:*",
  "globalaccelerator:*",
  "sso:*",
  "identitystore:*",
  "s3:GetBucketLocation",
  "s3:ListAllMyBuckets",
  "kms:Decrypt",
  "ec2:DescribeRegions",
];

type PolicySpec = {
  name: string;
  type: OrgPolicy["type"];
  content: PolicyDocument | Record<string, unknown>;
  targets: string[];
  awsManaged?: boolean;
};

function specs(): PolicySpec[] {
  const enforcedGuardrail = `${guardrail(MANAGEMENT_ACCOUNT_ID, "us-east-1", "org-phi-baseline").arn}:2`;
  return [
    {
      // Organizations attaches FullAWSAccess to every root, OU and account when SCPs are enabled.
      name: "FullAWSAccess",
      type: "SERVICE_CONTROL_POLICY",
      awsManaged: true,
      content: policy({ Effect: "Allow", Action: "*", Resource: "*" }),
      targets: [ROOT, ...Object.values(OU), MANAGEMENT_ACCOUNT_ID, ...DEMO_ACCOUNTS.map((a) => a.id)],
    },
    {
      name: "deny-leave-org-and-root-user",
      type: "SERVICE_CONTROL_POLICY",
      content: policy(
        { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
        {
          Sid: "DenyRootUser",
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
        },
      ),
      targets: [ROOT],
    },
    {
      // Region fence that still lets geographic inference profiles route to their destination regions.
      name: "approved-regions-cris-aware",
      type: "SERVICE_CONTROL_POLICY",
      content: policy({
        Sid: "DenyOutsideApprovedRegions",
        Effect: "Deny",
        NotAction: GLOBAL_SERVICES,
        Resource: "*",
        Condition: {
          StringNotEquals: { "aws:RequestedRegion": APPROVED_REGIONS },
          ArnNotLike: {
            "bedrock:InferenceProfileArn": [
              "arn:aws:bedrock:*:*:inference-profile/*",
              "arn:aws:bedrock:*:*:application-inference-profile/*",
            ],
          },
        },
      }),
      targets: [OU.production],
    },
    {
      // Sandbox's first region fence, written before cross-region inference existed.
      name: "legacy-region-lockdown",
      type: "SERVICE_CONTROL_POLICY",
      content: policy({
        Sid: "DenyAllOutsideHomeRegions",
        Effect: "Deny",
        NotAction: GLOBAL_SERVICES,
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
      }),
      targets: [OU.sandbox],
    },
    {
      // Piloted on NonProduction; Production relies on enforced guardrails (account and org level) instead.
      name: "require-bedrock-guardrail",
      type: "SERVICE_CONTROL_POLICY",
      content: policy({
        Sid: "DenyInferenceWithoutGuardrail",
        Effect: "Deny",
        Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        Resource: "*",
        Condition: {
          Null: { "bedrock:GuardrailIdentifier": "true" },
          // Bedrock's own service roles (agents, KB ingestion, flows) call models without a guardrail by design.
          ArnNotLike: {
            "aws:PrincipalArn": [
              "arn:aws:iam::*:role/service-role/AmazonBedrockExecutionRoleFor*",
              "arn:aws:iam::*:role/service-role/AmazonBedrockFlowsExecutionRole_*",
            ],
          },
        },
      }),
      targets: [OU.nonProduction],
    },
    {
      // Copied from a blog post: `bedrock:GuardrailArn` does not exist, so the Null test is always true.
      name: "sandbox-require-guardrail",
      type: "SERVICE_CONTROL_POLICY",
      content: policy({
        Sid: "DenyInvokeWithoutGuardrail",
        Effect: "Deny",
        Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        Resource: "*",
        Condition: { Null: { "bedrock:GuardrailArn": "true" } },
      }),
      targets: [OU.sandbox],
    },
    {
      name: "sandbox-cost-controls",
      type: "SERVICE_CONTROL_POLICY",
      content: policy(
        {
          Sid: "DenyProvisionedThroughput",
          Effect: "Deny",
          Action: ["bedrock:CreateProvisionedModelThroughput", "bedrock:UpdateProvisionedModelThroughput"],
          Resource: "*",
        },
        {
          Sid: "DenyLargeInstances",
          Effect: "Deny",
          Action: "ec2:RunInstances",
          Resource: "arn:aws:ec2:*:*:instance/*",
          Condition: { "ForAnyValue:StringNotLike": { "ec2:InstanceType": ["t3.*", "t4g.*", "m7g.large"] } },
        },
        // Keys cost money per month and kept piling up in Ireland; this also hides them from read-only tools.
        {
          Sid: "DenyKmsOutsideUsEast1",
          Effect: "Deny",
          Action: "kms:*",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:RequestedRegion": "us-east-1" } },
        },
      ),
      targets: [OU.sandbox],
    },
    {
      // Rolled out where PHI lives first; NonProduction and Sandbox are on the Q1 plan.
      name: "ai-services-opt-out",
      type: "AISERVICES_OPT_OUT_POLICY",
      content: { services: { default: { opt_out_policy: { "@@assign": "optOut" } } } },
      targets: [OU.production],
    },
    {
      name: "bedrock-org-enforced-guardrail",
      type: "BEDROCK_POLICY",
      content: {
        bedrock: {
          guardrail_inference: {
            "us-east-1": { config_1: { identifier: { "@@assign": enforcedGuardrail }, input_tags: { "@@assign": "ignore" } } },
          },
        },
      },
      targets: [OU.production],
    },
    {
      name: "cost-center-tags",
      type: "TAG_POLICY",
      content: {
        tags: { "cost-center": { tag_key: { "@@assign": "cost-center" }, enforced_for: { "@@assign": ["bedrock:*"] } } },
      },
      targets: [ROOT],
    },
  ];
}

function toPolicy(s: PolicySpec): OrgPolicy {
  const id = s.awsManaged ? "p-FullAWSAccess" : `p-${stableId.lower(`org/policy/${s.name}`, 8)}`;
  const type = s.type.toLowerCase();
  const arn = s.awsManaged
    ? `arn:aws:organizations::aws:policy/${type}/${id}`
    : `arn:aws:organizations::${MANAGEMENT_ACCOUNT_ID}:policy/${ORG_ID}/${type}/${id}`;
  return {
    id,
    arn,
    name: s.name,
    type: s.type,
    awsManaged: s.awsManaged ?? false,
    content: JSON.stringify(s.content, null, 2),
    targetIds: s.targets,
  };
}

const PARENTS: Record<AccountKey, string[]> = {
  prod: [OU.workloads, OU.production],
  staging: [OU.workloads, OU.nonProduction],
  sandbox: [OU.sandbox],
};

/** The organization as seen from one member account (policies of the whole org, and its own targets). */
export function organizationFor(account: AccountKey): Organization {
  return {
    organizationId: ORG_ID,
    managementAccountId: MANAGEMENT_ACCOUNT_ID,
    enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "AISERVICES_OPT_OUT_POLICY", "BEDROCK_POLICY", "TAG_POLICY"],
    accountTargetIds: [ROOT, ...PARENTS[account], accountByKey(account).id],
    policies: specs().map(toPolicy),
  };
}
