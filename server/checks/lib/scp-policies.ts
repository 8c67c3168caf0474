import "server-only";
import type { Status } from "@/lib/schemas/finding";
import type { Organization, OrgPolicy } from "@/server/inventory/organizations";
import { parsePolicy, type ParsedPolicy } from "./iam-policy";
import { isAllowed, type ScpLevel, type SimulationRequest, type SimulationResult } from "./iam-simulate";

type PolicyType = OrgPolicy["type"];

/** Policies of `type` attached to the account, an OU above it or the root. */
export function applicablePolicies(org: Organization, type: PolicyType): OrgPolicy[] {
  return org.policies.filter((p) => p.type === type && p.targetIds.some((t) => org.accountTargetIds.includes(t)));
}

export type ScpContext = {
  accountId: string;
  levels: ScpLevel[];
  applicable: ParsedPolicy[];
  principal: string;
};

export type ScpSetup = { ok: true; scp: ScpContext } | { ok: false; status: Status; message: string; evidence: unknown };

const ALLOW_ALL: ParsedPolicy = {
  name: "identity allows everything",
  kind: "identity",
  statements: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/**
 * The SCPs that govern the account, grouped by the node they are attached to, or why none can:
 * no organization, SCPs not enabled, the management account (SCPs never restrict it), or a policy
 * that cannot be parsed (ERROR, quoted).
 */
export function scpSetup(org: Organization | null, accountId: string, partition: string): ScpSetup {
  if (!org)
    return {
      ok: false,
      status: "FAIL",
      message: "The account is not a member of an AWS Organization, so no SCP can apply to it",
      evidence: { organization: null },
    };
  const evidence = { organizationId: org.organizationId, enabledPolicyTypes: org.enabledPolicyTypes };
  if (!org.enabledPolicyTypes.includes("SERVICE_CONTROL_POLICY")) {
    return {
      ok: false,
      status: "FAIL",
      message: `Service control policies are not enabled in organization ${org.organizationId}`,
      evidence,
    };
  }
  if (org.managementAccountId === accountId) {
    return {
      ok: false,
      status: "FAIL",
      message: "This is the organization's management account: SCPs never restrict it",
      evidence,
    };
  }
  const parsed = applicablePolicies(org, "SERVICE_CONTROL_POLICY").map((p) => ({
    policy: p,
    result: parsePolicy(p.content, p.name, "scp"),
  }));
  const errors = parsed.flatMap(({ result }) => (result.ok ? [] : [result.error]));
  if (errors.length > 0)
    return { ok: false, status: "ERROR", message: `Could not evaluate the SCPs: ${errors.join("; ")}`, evidence };
  const levels = org.accountTargetIds
    .map((target) => ({
      target,
      policies: parsed.flatMap(({ policy, result }) => (result.ok && policy.targetIds.includes(target) ? [result.policy] : [])),
    }))
    // A node without collected policies is left out: it can only make the result more permissive.
    .filter((level) => level.policies.length > 0);
  return {
    ok: true,
    scp: {
      accountId,
      levels,
      applicable: parsed.flatMap(({ result }) => (result.ok ? [result.policy] : [])),
      principal: `arn:${partition}:iam::${accountId}:role/strata-scp-probe`,
    },
  };
}

/** Simulates a call by a role of the account whose own policies allow everything: only SCPs can stop it. */
export function simulateUnderScps(
  scp: ScpContext,
  action: string,
  resource: string,
  query: Omit<SimulationRequest, "principal" | "action" | "resource" | "identityPolicies" | "scps">,
): SimulationResult {
  return isAllowed({
    ...query,
    principal: scp.principal,
    action,
    resource,
    resourceAccount: scp.accountId,
    identityPolicies: [ALLOW_ALL],
    scps: scp.levels,
    context: {
      "aws:PrincipalArn": scp.principal,
      "aws:PrincipalAccount": scp.accountId,
      "aws:SecureTransport": "true",
      ...query.context,
    },
  });
}
