import "server-only";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { someBedrockAction } from "../lib/iam-access";
import { draft, perPrincipal } from "../lib/iam-findings";
import type { Principal } from "../lib/iam-principals";

const MAX_IDLE_DAYS = 90;
const DAY_MS = 86_400_000;

function evaluateRole(p: Principal, collectedAt: number): FindingDraft | undefined {
  const action = someBedrockAction(p);
  if (!action) return undefined;
  const last = p.role?.bedrockLastAccessed;
  const evidence = { exampleAction: action, bedrockLastAccessed: last ?? null };
  if (last === undefined) {
    return draft(
      p.arn,
      "ERROR",
      `Could not evaluate Role ${p.name}: when it last used Bedrock was not collected (grant iam:GenerateServiceLastAccessedDetails and iam:GetServiceLastAccessedDetails)`,
      evidence,
    );
  }
  if (last === null) {
    return draft(
      p.arn,
      "FAIL",
      `Role ${p.name} is allowed Bedrock actions (e.g. ${action}) but has not used Bedrock within IAM's tracking period`,
      evidence,
    );
  }
  const used = Date.parse(last);
  if (Number.isNaN(used) || Number.isNaN(collectedAt)) {
    return draft(p.arn, "ERROR", `Could not evaluate Role ${p.name}: unreadable last-accessed date "${last}"`, evidence);
  }
  const days = Math.floor((collectedAt - used) / DAY_MS);
  if (days > MAX_IDLE_DAYS) {
    return draft(
      p.arn,
      "FAIL",
      `Role ${p.name} is allowed Bedrock actions (e.g. ${action}) but last used Bedrock ${days} days before the scan (${last})`,
      evidence,
    );
  }
  return draft(p.arn, "PASS", `Role ${p.name} last used Bedrock ${days} days before the scan (${last})`, evidence);
}

export default defineCheck({
  id: "iam-stale-bedrock-permissions",
  title: `Bedrock permissions are used (not idle for more than ${MAX_IDLE_DAYS} days)`,
  severity: "low",
  category: "IAM",
  scope: "account",
  rationale:
    "Permissions a role no longer uses are pure risk: if the role is compromised, they give access nobody needs. IAM records " +
    "when each service was last accessed by a role; a role that may call Bedrock but has not done so for more than " +
    `${MAX_IDLE_DAYS} days (relative to the scan) should lose those permissions.`,
  remediation: {
    console: [
      "Open the IAM console, select the role named in the finding and open the Last accessed tab.",
      "Confirm Amazon Bedrock has not been used recently, then remove the Bedrock permissions from the role's policies.",
      "Delete the role if it is no longer used at all.",
    ],
    cli: `JOB_ID=$(aws iam generate-service-last-accessed-details --arn arn:aws:iam::111122223333:role/ROLE_NAME --query JobId --output text)
aws iam get-service-last-accessed-details --job-id "$JOB_ID" --query "ServicesLastAccessed[?ServiceNamespace=='bedrock']"
aws iam delete-role-policy --role-name ROLE_NAME --policy-name BEDROCK_POLICY_NAME`,
    terraform: `# The role's policy without the Bedrock statements it no longer uses.
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::app-data/*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}`,
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    const collectedAt = Date.parse(inventory.collectedAt);
    return withParts(account, { iam: inventory.iam }, ({ iam }) =>
      perPrincipal(iam, {
        kinds: ["role"],
        evaluate: (p) => evaluateRole(p, collectedAt),
        none: { resourceArn: account, status: "PASS", message: "No IAM role in the account has Bedrock permissions" },
      }),
    );
  },
});
