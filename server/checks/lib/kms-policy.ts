import "server-only";
import type { Where } from "./iam-probes";
import type { KmsKey } from "@/server/inventory/storage";
import { parsePolicy, type ParsedPolicy } from "./iam-policy";
import { isAllowed, type SimulationRequest } from "./iam-simulate";
import type { KeyUser } from "./kms-keys";

const BEDROCK_KEY_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;
const SERVICE_PRINCIPAL = "bedrock.amazonaws.com";
// Stands for "any role of the account": it is only admitted where the policy admits the whole account.
const SYNTHETIC_ROLE = "strata-any-principal";

export type Admission =
  | { verdict: "admitted"; principal: string; path: string; statements: string[] }
  | { verdict: "undecided"; principal: string; assumedKeys: string[] }
  | { verdict: "refused"; tried: string[] };

type Candidate = {
  principal: string;
  path: string;
  request: Omit<SimulationRequest, "action" | "unknownConditions" | "explain">;
};

// Network keys are absent when a service acts for a principal or as itself; the request never
// carries them, so a "Deny unless from my VPC" statement is judged the way KMS judges it.
const NETWORK_KEYS = ["aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce"];

function candidates(policy: ParsedPolicy, key: KmsKey, user: KeyUser, where: Where, identity: ParsedPolicy): Candidate[] {
  const keyAccount = key.arn.split(":")[4] ?? where.accountId;
  const context = user.encryptionContext ?? {};
  const service: Candidate = {
    principal: SERVICE_PRINCIPAL,
    path: "the bedrock.amazonaws.com service principal",
    request: {
      principal: SERVICE_PRINCIPAL,
      resource: key.arn,
      resourceAccount: keyAccount,
      identityPolicies: [],
      resourcePolicy: policy,
      context: {
        ...context,
        "aws:SourceAccount": where.accountId,
        "aws:SourceArn": user.arn,
        "aws:PrincipalServiceName": SERVICE_PRINCIPAL,
        "aws:PrincipalIsAWSService": "true",
        "aws:SecureTransport": "true",
        "aws:ResourceAccount": keyAccount,
      },
      absentKeys: [...NETWORK_KEYS, "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgID", "kms:ViaService"],
    },
  };
  const synthetic = `arn:${where.partition}:iam::${where.accountId}:role/${SYNTHETIC_ROLE}`;
  // Roles the key policy merely names (often key administrators) say nothing about Bedrock's use of
  // the key, so only the resource's own role and the account as a whole are tried.
  const roles = [user.roleArn, synthetic];
  const viaBedrock = [...new Set(roles.filter((r): r is string => r !== undefined))].map((principal): Candidate => ({
    principal,
    path: `${principal === synthetic ? `any principal of account ${where.accountId}` : principal} calling through Bedrock`,
    request: {
      principal,
      resource: key.arn,
      resourceAccount: keyAccount,
      // The key policy is under test; the caller's own IAM policy is assumed to grant the key.
      identityPolicies: [identity],
      resourcePolicy: policy,
      context: {
        ...context,
        "kms:ViaService": `bedrock.${where.region}.amazonaws.com`,
        "kms:CallerAccount": where.accountId,
        "aws:PrincipalAccount": where.accountId,
        "aws:PrincipalArn": principal,
        "aws:PrincipalIsAWSService": "false",
        "aws:ViaAWSService": "true",
        "aws:SecureTransport": "true",
        "aws:ResourceAccount": keyAccount,
      },
      absentKeys: [...NETWORK_KEYS, "aws:SourceArn", "aws:SourceAccount"],
    },
  }));
  return [service, ...viaBedrock];
}

function callerGrant(key: KmsKey): ParsedPolicy {
  const parsed = parsePolicy(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [...BEDROCK_KEY_ACTIONS], Resource: key.arn }] },
    "caller's IAM grant (assumed)",
    "identity",
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

/**
 * Whether the key policy lets Bedrock use the key for `user`: either the service principal, or a
 * principal of the account calling through Bedrock, may Decrypt and GenerateDataKey. Conditions on
 * keys the inventory cannot know are first assumed unmet (a PASS must not rest on a guess); if
 * the answer only flips when they are assumed met, the verdict is "undecided", never "admitted".
 */
export function bedrockAdmission(policy: ParsedPolicy, key: KmsKey, user: KeyUser, where: Where): Admission {
  const identity = callerGrant(key);
  let undecided: Admission | undefined;
  const tried: string[] = [];
  for (const c of candidates(policy, key, user, where, identity)) {
    const strict = BEDROCK_KEY_ACTIONS.map((action) =>
      isAllowed({ ...c.request, action, unknownConditions: "deny", explain: true }),
    );
    if (strict.every((r) => r.allowed)) {
      const statements = [
        ...new Set(strict.flatMap((r) => r.allowedBy.filter((s) => s.kind === "resource").map((s) => s.label))),
      ];
      return { verdict: "admitted", principal: c.principal, path: c.path, statements };
    }
    tried.push(c.principal);
    if (undecided) continue;
    const lenient = BEDROCK_KEY_ACTIONS.map((action) =>
      isAllowed({ ...c.request, action, unknownConditions: "allow", explain: false }),
    );
    if (lenient.every((r) => r.allowed)) {
      undecided = {
        verdict: "undecided",
        principal: c.principal,
        assumedKeys: [...new Set(lenient.flatMap((r) => r.assumedKeys))],
      };
    }
  }
  return undecided ?? { verdict: "refused", tried };
}
