import "server-only";
import type { IamUser } from "@/server/inventory/iam";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";

const MAX_DAYS = 90;
const DAY_MS = 86_400_000;

type Key = IamUser["bedrockApiKeys"][number];

/** Why a key is a live long-term credential, or undefined when it is not; `error` when its dates cannot be read. */
function longTerm(key: Key, now: number): { reason?: string; error?: string } {
  if (key.status !== "Active") return {};
  const created = Date.parse(key.createDate);
  if (Number.isNaN(created)) return { error: `key ${key.id} has an unreadable createDate "${key.createDate}"` };
  if (key.expirationDate === undefined) return { reason: `key ${key.id} never expires` };
  const expires = Date.parse(key.expirationDate);
  if (Number.isNaN(expires)) return { error: `key ${key.id} has an unreadable expirationDate "${key.expirationDate}"` };
  if (expires <= now) return {};
  const days = Math.round((expires - created) / DAY_MS);
  return days > MAX_DAYS ? { reason: `key ${key.id} is valid for ${days} days (until ${key.expirationDate})` } : {};
}

function evaluateUser(user: IamUser, now: number): FindingDraft | undefined {
  if (user.bedrockApiKeys.length === 0) return undefined;
  const results = user.bedrockApiKeys.map((k) => longTerm(k, now));
  const evidence = { bedrockApiKeys: user.bedrockApiKeys };
  const reasons = results.flatMap((r) => r.reason ?? []);
  if (reasons.length > 0) {
    return draft(
      user.arn,
      "FAIL",
      `User ${user.userName} has an active long-term Bedrock API key: ${reasons.join("; ")}`,
      evidence,
    );
  }
  const errors = results.flatMap((r) => r.error ?? []);
  if (errors.length > 0)
    return draft(
      user.arn,
      "ERROR",
      `Could not evaluate the Bedrock API keys of user ${user.userName}: ${errors.join("; ")}`,
      evidence,
    );
  return draft(
    user.arn,
    "PASS",
    `User ${user.userName} has no active Bedrock API key valid for more than ${MAX_DAYS} days`,
    evidence,
  );
}

export default defineCheck({
  id: "iam-bedrock-api-keys-long-term",
  title: "No active long-term Bedrock API keys",
  severity: "high",
  category: "IAM",
  scope: "account",
  rationale:
    "Long-term Bedrock API keys are service-specific credentials of an IAM user that work as bearer tokens: whoever holds the " +
    "string can call Bedrock until the key expires or is deleted, with no second factor. AWS recommends them only for " +
    "exploration and short-term keys (valid for up to 12 hours) or temporary role credentials for everything else. A key that " +
    `never expires or lives more than ${MAX_DAYS} days fails; inactive and expired keys pass.`,
  remediation: {
    console: [
      "Open the IAM console, choose Users and select the user named in the finding.",
      "On the Security credentials tab, under API keys for Amazon Bedrock, deactivate and then delete the key.",
      "Switch the caller to short-term Bedrock API keys or to an IAM role.",
    ],
    cli: `aws iam list-service-specific-credentials --user-name USER_NAME --service-name bedrock.amazonaws.com
aws iam update-service-specific-credential --user-name USER_NAME --service-specific-credential-id CREDENTIAL_ID --status Inactive
aws iam delete-service-specific-credential --user-name USER_NAME --service-specific-credential-id CREDENTIAL_ID`,
    terraform: `# Deny creation of long-term Bedrock API keys (service-specific credentials) except for break-glass users.
data "aws_iam_policy_document" "deny_bedrock_long_term_keys" {
  statement {
    effect    = "Deny"
    actions   = ["iam:CreateServiceSpecificCredential"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:ServiceSpecificCredentialServiceName"
      values   = ["bedrock.amazonaws.com"]
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-revoke.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    const now = Date.parse(inventory.collectedAt);
    return withParts(account, { iam: inventory.iam }, ({ iam }) => {
      const findings = iam.users.flatMap((u) => evaluateUser(u, now) ?? []);
      if (findings.length > 0) return findings;
      return [draft(account, "PASS", "No IAM user has a Bedrock API key", { users: iam.users.length })];
    });
  },
});
