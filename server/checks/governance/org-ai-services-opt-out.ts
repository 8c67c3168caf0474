import "server-only";
import { z } from "zod";
import type { Organization, OrgPolicy } from "@/server/inventory/organizations";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";
import { quoteDocument } from "../lib/iam-policy";
import { applicablePolicies } from "../lib/scp-policies";

const TYPE = "AISERVICES_OPT_OUT_POLICY";

const setting = z.looseObject({
  "@@assign": z.string().optional(),
  "@@operators_allowed_for_child_policies": z.array(z.string()).optional(),
});
const content = z.looseObject({
  services: z.record(z.string(), z.looseObject({ opt_out_policy: setting.optional() })).optional(),
});

type Parsed = { policy: OrgPolicy; defaultSetting?: z.infer<typeof setting> };

/** The effective `default` opt-out value: root first, a child overrides unless a parent forbade it. */
function effectiveDefault(org: Organization, parsed: Parsed[]): { value?: string; from?: string } {
  let value: string | undefined;
  let from: string | undefined;
  let locked = false;
  for (const target of org.accountTargetIds) {
    for (const { policy, defaultSetting } of parsed.filter((p) => p.policy.targetIds.includes(target))) {
      if (!defaultSetting) continue;
      if (!locked && defaultSetting["@@assign"]) {
        value = defaultSetting["@@assign"];
        from = policy.name;
      }
      if (defaultSetting["@@operators_allowed_for_child_policies"]?.includes("@@none")) locked = true;
    }
  }
  return { value, from };
}

function evaluate(org: Organization | null, arn: string): FindingDraft {
  if (!org)
    return draft(arn, "FAIL", "The account is not a member of an AWS Organization, so no AI services opt-out policy can apply", {
      organization: null,
    });
  if (!org.enabledPolicyTypes.includes(TYPE)) {
    return draft(arn, "FAIL", `The AI services opt-out policy type is not enabled in organization ${org.organizationId}`, {
      enabledPolicyTypes: org.enabledPolicyTypes,
    });
  }
  const policies = applicablePolicies(org, TYPE);
  if (policies.length === 0)
    return draft(arn, "FAIL", "No AI services opt-out policy applies to this account", { organizationId: org.organizationId });
  const parsed: Parsed[] = [];
  for (const policy of policies) {
    let json: unknown;
    try {
      json = JSON.parse(policy.content);
    } catch {
      json = undefined;
    }
    const result = content.safeParse(json);
    if (!result.success) {
      return draft(
        arn,
        "ERROR",
        `Could not evaluate AI services opt-out policy "${policy.name}": its content is not a valid policy. Document: ${quoteDocument(policy.content)}`,
        {
          policy: policy.name,
        },
      );
    }
    parsed.push({ policy, defaultSetting: result.data.services?.default?.opt_out_policy });
  }
  const { value, from } = effectiveDefault(org, parsed);
  const evidence = { policies: policies.map((p) => ({ name: p.name, content: p.content })), effectiveDefault: value ?? null };
  if (value === "optOut")
    return draft(
      arn,
      "PASS",
      `AI services opt-out policy "${from ?? ""}" opts this account out of AI service data use for all services (default: optOut)`,
      evidence,
    );
  const names = policies.map((p) => p.name).join(", ");
  return draft(
    arn,
    "FAIL",
    `AI services opt-out policies apply (${names}) but the effective default is ${value ?? "not set"}, not optOut`,
    evidence,
  );
}

export default defineCheck({
  id: "org-ai-services-opt-out",
  title: "An AI services opt-out policy applies to the account",
  severity: "medium",
  category: "Governance",
  scope: "account",
  rationale:
    "Some AWS AI services may store and use customer content to improve the service unless the organization opts out. An " +
    "AI services opt-out policy with default set to optOut, attached at the root or the account's OU, opts every current and " +
    "future account out centrally; it is also what auditors ask for as evidence that content is not used for training.",
  remediation: {
    console: [
      "Open the AWS Organizations console in the management account and choose Policies > AI services opt-out policies.",
      "Enable the policy type if needed, then create a policy that assigns optOut to default.",
      "Attach it to the root so every account inherits it.",
    ],
    cli: `aws organizations enable-policy-type --root-id r-EXAMPLE --policy-type AISERVICES_OPT_OUT_POLICY
aws organizations create-policy --type AISERVICES_OPT_OUT_POLICY --name opt-out-all --description "Opt out of AI service data use" \\
  --content '{"services":{"default":{"opt_out_policy":{"@@assign":"optOut"}}}}'
aws organizations attach-policy --policy-id p-EXAMPLE --target-id r-EXAMPLE`,
    terraform: `resource "aws_organizations_policy" "ai_opt_out" {
  name    = "opt-out-all"
  type    = "AISERVICES_OPT_OUT_POLICY"
  content = jsonencode({ services = { default = { opt_out_policy = { "@@assign" = "optOut" } } } })
}

resource "aws_organizations_policy_attachment" "ai_opt_out" {
  policy_id = aws_organizations_policy.ai_opt_out.id
  target_id = aws_organizations_organization.this.roots[0].id
}`,
  },
  references: [
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out.html",
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html",
  ],
  evaluate: (inventory) => {
    const arn = accountArn(inventory);
    return withParts(arn, { organizations: inventory.organizations }, ({ organizations }) => [evaluate(organizations, arn)]);
  },
});
