import "server-only";
import type { IamInventory, IamUser } from "@/server/inventory/iam";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { simulateFor } from "../lib/iam-access";
import { bedrockActions } from "../lib/iam-data";
import { draft, guarded } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import { loadPrincipals, type Principal } from "../lib/iam-principals";
import { mayGrantService, type DecidingStatement } from "../lib/iam-simulate";

// An action of no real service: only Action "*" or a NotAction statement grants it.
const ANY_SERVICE_ACTION = "strataprobe:UnlistedAction";
// Named in policies by nobody, so only a wildcard Resource covers them ("any role", "another user").
const UNNAMED = "strata-probe-unnamed";

type Key = IamUser["bedrockApiKeys"][number];

/** Status Active and not past its expiry (an unreadable expiry counts as live: the key may still work). */
function isLive(key: Key, now: number): boolean {
  if (key.status !== "Active") return false;
  if (key.expirationDate === undefined) return true;
  const expires = Date.parse(key.expirationDate);
  return Number.isNaN(expires) || expires > now;
}

type Power = { what: string; grants: DecidingStatement[] };

function anyService(p: Principal): Power | undefined {
  const r = simulateFor(p, ANY_SERVICE_ACTION, "*");
  return r.allowed
    ? { what: 'it is allowed actions of any service, even ones no policy names ("*" or NotAction)', grants: r.allowedBy }
    : undefined;
}

function everyBedrockAction(p: Principal): Power | undefined {
  if (!mayGrantService(p.policies, "bedrock")) return undefined;
  if (!bedrockActions().every((action) => simulateFor(p, action, "*", { explain: false }).allowed)) return undefined;
  return {
    what: "it is allowed every Bedrock action (bedrock:*)",
    grants: simulateFor(p, "bedrock:DeleteGuardrail", "*").allowedBy,
  };
}

type Probe = { action: string; resource: string; what: string };

/**
 * IAM calls that let a user give itself (or an identity it can become) any permission: changing its
 * own, its groups' or its managed policies, and, on resources no policy names, joining any group,
 * rewriting any managed policy or role, and taking over another user's credentials.
 */
function escalationProbes(p: Principal, iam: IamInventory): Probe[] {
  const arn = (resource: string) => `arn:${p.arn.split(":")[1] ?? "aws"}:iam::${p.accountId}:${resource}`;
  const user = p.user;
  const groups = (user?.groups ?? []).map((name) => ({
    name,
    arn: iam.groups.find((g) => g.groupName === name)?.arn ?? arn(`group/${name}`),
  }));
  const attached = [user, ...groups.map((g) => iam.groups.find((x) => x.groupName === g.name))].flatMap(
    (o) => o?.attachedPolicies ?? [],
  );
  const customer = [
    ...new Set(attached.map((a) => a.policyArn).filter((a) => iam.policies.some((m) => m.arn === a && !m.isAwsManaged))),
  ];
  const policies = [
    ...customer.map((a) => ({ arn: a, label: `its managed policy ${a.slice(a.lastIndexOf("/") + 1)}` })),
    { arn: arn(`policy/${UNNAMED}`), label: "any managed policy" },
  ];
  return [
    { action: "iam:PutUserPolicy", resource: p.arn, what: "add an inline policy to itself" },
    { action: "iam:AttachUserPolicy", resource: p.arn, what: "attach any managed policy to itself" },
    ...groups.flatMap((g) => [
      { action: "iam:PutGroupPolicy", resource: g.arn, what: `add an inline policy to its group ${g.name}` },
      { action: "iam:AttachGroupPolicy", resource: g.arn, what: `attach any managed policy to its group ${g.name}` },
    ]),
    { action: "iam:AddUserToGroup", resource: arn(`group/${UNNAMED}`), what: "add itself to any group" },
    ...policies.flatMap((x) => [
      { action: "iam:CreatePolicyVersion", resource: x.arn, what: `rewrite ${x.label}` },
      { action: "iam:SetDefaultPolicyVersion", resource: x.arn, what: `switch ${x.label} to another version` },
    ]),
    { action: "iam:PutRolePolicy", resource: arn(`role/${UNNAMED}`), what: "add an inline policy to any role" },
    { action: "iam:AttachRolePolicy", resource: arn(`role/${UNNAMED}`), what: "attach any managed policy to any role" },
    { action: "iam:UpdateAssumeRolePolicy", resource: arn(`role/${UNNAMED}`), what: "let itself assume any role" },
    { action: "iam:CreateAccessKey", resource: arn(`user/${UNNAMED}`), what: "create access keys for other users" },
    { action: "iam:CreateLoginProfile", resource: arn(`user/${UNNAMED}`), what: "set console passwords for other users" },
    { action: "iam:UpdateLoginProfile", resource: arn(`user/${UNNAMED}`), what: "change other users' console passwords" },
  ];
}

function escalation(p: Principal, iam: IamInventory): Power | undefined {
  if (!mayGrantService(p.policies, "iam")) return undefined;
  // Self-service policies name the user as `user/${aws:username}`; without the value that would never match.
  const context = { "aws:username": p.name };
  const hits = escalationProbes(p, iam).flatMap((probe) => {
    const r = simulateFor(p, probe.action, probe.resource, { context });
    return r.allowed ? [{ probe, grants: r.allowedBy }] : [];
  });
  if (hits.length === 0) return undefined;
  const what = hits.map((h) => `${h.probe.what} (${h.probe.action})`).join(", ");
  return { what: `it can escalate its IAM privileges: ${what}`, grants: hits.flatMap((h) => h.grants) };
}

function evaluateUser(p: Principal, iam: IamInventory, keys: Key[]): FindingDraft {
  const holds = `User ${p.name} holds active Bedrock API key${keys.length > 1 ? "s" : ""} ${keys.map((k) => k.id).join(", ")}`;
  const admin = anyService(p);
  const powers = admin ? [admin] : [everyBedrockAction(p), escalation(p, iam)].flatMap((x) => x ?? []);
  const evidence = {
    bedrockApiKeys: keys,
    groups: p.user?.groups ?? [],
    powers: powers.map((x) => ({ reason: x.what, statements: grantsEvidence(x.grants) })),
  };
  if (powers.length === 0) {
    return draft(
      p.arn,
      "PASS",
      `${holds} and has no administrative power: no "*" grant, not every Bedrock action, no IAM privilege escalation`,
      evidence,
    );
  }
  const reasons = powers.map((x) => (x.grants.length > 0 ? `${x.what}, by ${grantsText(x.grants, "both")}` : x.what));
  return draft(p.arn, "FAIL", `${holds} but has administrative power: ${reasons.join("; ")}`, evidence);
}

export default defineCheck({
  id: "iam-bedrock-api-key-owner-not-admin",
  title: "Bedrock API keys belong to users without administrative power",
  severity: "high",
  category: "IAM",
  scope: "account",
  rationale:
    "A long-term Bedrock API key is a bearer token for its IAM user: it works for the Amazon Bedrock and Bedrock Runtime APIs " +
    "with every Bedrock permission that user has, and such keys end up in notebooks, scripts and CI variables. AWS attaches " +
    "AmazonBedrockLimitedAccess to a user when it generates the key, expecting a dedicated low-privilege user. A key held by " +
    "a user with every Bedrock action can delete guardrails, turn off invocation logging and run any model; a user that is an " +
    "administrator or can escalate in IAM is a high-value identity that should not carry an easily leaked credential at all. " +
    "Evaluated with the IAM policy simulator over the user's own and group policies (SCPs not applied; conditions assumed " +
    'met), a user with a live key fails when it is allowed (1) an action of any service ("*" or NotAction, e.g. ' +
    "AdministratorAccess or PowerUserAccess), (2) every Bedrock action, or (3) an IAM privilege escalation: iam:PutUserPolicy " +
    "or AttachUserPolicy on itself, PutGroupPolicy or AttachGroupPolicy on its groups, CreatePolicyVersion or " +
    "SetDefaultPolicyVersion on its customer managed policies, or, on resources its policies do not name, AddUserToGroup, " +
    "CreatePolicyVersion, SetDefaultPolicyVersion, PutRolePolicy, AttachRolePolicy, UpdateAssumeRolePolicy, CreateAccessKey, " +
    "CreateLoginProfile or UpdateLoginProfile. iam:PassRole paths through compute services are not covered.",
  remediation: {
    console: [
      "Open the IAM console, choose Users and select the user named in the finding.",
      "If the key is needed, move it to a dedicated user: create a user with only AmazonBedrockLimitedAccess (or narrower), generate a key there, and rotate callers to it.",
      "On the original user, under Security credentials > API keys for Amazon Bedrock, deactivate and delete the key.",
      "Otherwise remove the administrative grant named in the finding (detach AdministratorAccess / AmazonBedrockFullAccess, remove the IAM write statement, or take the user out of the group).",
    ],
    cli: `aws iam list-service-specific-credentials --user-name USER_NAME --service-name bedrock.amazonaws.com
aws iam update-service-specific-credential --user-name USER_NAME --service-specific-credential-id CREDENTIAL_ID --status Inactive
aws iam delete-service-specific-credential --user-name USER_NAME --service-specific-credential-id CREDENTIAL_ID
aws iam create-user --user-name bedrock-api-key-app
aws iam attach-user-policy --user-name bedrock-api-key-app --policy-arn arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess
aws iam create-service-specific-credential --user-name bedrock-api-key-app --service-name bedrock.amazonaws.com --credential-age-days 30`,
    terraform: `# A dedicated, low-privilege owner for Bedrock API keys; keep administrators off it.
resource "aws_iam_user" "bedrock_api_key" {
  name = "bedrock-api-key-app"
}

resource "aws_iam_user_policy_attachment" "bedrock_limited" {
  user       = aws_iam_user.bedrock_api_key.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess"
}

# Only this user may hold Bedrock API keys.
data "aws_iam_policy_document" "deny_bedrock_keys_elsewhere" {
  statement {
    effect        = "Deny"
    actions       = ["iam:CreateServiceSpecificCredential"]
    not_resources = [aws_iam_user.bedrock_api_key.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:ServiceSpecificCredentialServiceName"
      values   = ["bedrock.amazonaws.com"]
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-supported.html",
    "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonBedrockLimitedAccess.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    const now = Date.parse(inventory.collectedAt);
    return withParts(account, { iam: inventory.iam }, ({ iam }) => {
      const holders = iam.users.flatMap((u) => {
        const keys = u.bedrockApiKeys.filter((k) => isLive(k, now));
        return keys.length > 0 ? [{ user: u, keys }] : [];
      });
      if (holders.length === 0)
        return [draft(account, "NOT_APPLICABLE", "No IAM user holds an active Bedrock API key", { users: iam.users.length })];
      const { principals, problems } = loadPrincipals(iam);
      return holders.flatMap(({ user, keys }) => {
        const problem = problems.find((p) => p.arn === user.arn);
        if (problem) {
          return [
            draft(
              user.arn,
              "ERROR",
              `Could not evaluate user ${user.userName} (holds an active Bedrock API key): ${problem.problems.join("; ")}`,
              { problems: problem.problems },
            ),
          ];
        }
        const p = principals.find((x) => x.arn === user.arn);
        if (!p) return [draft(user.arn, "ERROR", `Could not evaluate user ${user.userName}: its policies were not loaded`, {})];
        return guarded(user.arn, `user ${user.userName}`, () => [evaluateUser(p, iam, keys)]);
      });
    });
  },
});
