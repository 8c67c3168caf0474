import "server-only";
import { bedrockActions } from "./iam-data";
import type { ParsedPolicy } from "./iam-policy";
import type { Principal } from "./iam-principals";
import { isAllowed, mayGrantService, type SimulationRequest, type SimulationResult } from "./iam-simulate";

/** What is known about any call a role or user makes; every other condition key is unknown. */
function principalContext(p: Principal): Record<string, string> {
  return { "aws:PrincipalArn": p.arn, "aws:PrincipalAccount": p.accountId, "aws:SecureTransport": "true" };
}

export type PrincipalQuery = Omit<
  SimulationRequest,
  "principal" | "identityPolicies" | "permissionBoundary" | "action" | "resource"
>;

/** Simulates `action` on `resource` for a principal's identity policies and permissions boundary. */
export function simulateFor(p: Principal, action: string, resource: string, query: PrincipalQuery = {}): SimulationResult {
  return isAllowed({
    ...query,
    principal: p.arn,
    action,
    resource,
    identityPolicies: p.policies,
    ...(p.boundary ? { permissionBoundary: p.boundary } : {}),
    context: { ...principalContext(p), ...query.context },
  });
}

const firstBedrockAction = new WeakMap<Principal, string | null>();

// Most principals with any Bedrock access can invoke, get or list: asking those first ends the search early.
const COMMON_FIRST = /^bedrock:(Invoke|Get|List|Converse|Apply)/;
let searchOrder: readonly string[] | undefined;
function bedrockSearchOrder(): readonly string[] {
  searchOrder ??= [...bedrockActions()].sort((a, b) => Number(!COMMON_FIRST.test(a)) - Number(!COMMON_FIRST.test(b)));
  return searchOrder;
}

/** The first Bedrock action (iam-data's list) the principal may call on some resource, or undefined. */
export function someBedrockAction(p: Principal): string | undefined {
  const cached = firstBedrockAction.get(p);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | null = null;
  if (mayGrantService(p.policies, "bedrock")) {
    found = bedrockSearchOrder().find((action) => simulateFor(p, action, "*", { explain: false }).allowed) ?? null;
  }
  firstBedrockAction.set(p, found);
  return found ?? undefined;
}

const singles = new WeakMap<ParsedPolicy, ParsedPolicy[]>();

/** Each statement as a policy of its own, kept so the simulator adapter's per-policy cache applies. */
function singleStatementPolicies(policy: ParsedPolicy): ParsedPolicy[] {
  let list = singles.get(policy);
  if (!list) {
    list = policy.statements.map((statement) => ({ ...policy, statements: [statement] }));
    singles.set(policy, list);
  }
  return list;
}

/** Simulates one statement of one policy alone, e.g. to ask whether that statement grants `action`. */
export function statementAllows(p: Principal, policy: ParsedPolicy, index: number, action: string, resource: string): boolean {
  const single = singleStatementPolicies(policy)[index];
  if (!single) return false;
  return isAllowed({
    principal: p.arn,
    action,
    resource,
    identityPolicies: [single],
    context: principalContext(p),
    explain: false,
  }).allowed;
}
