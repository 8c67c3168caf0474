import "server-only";
import type { IamInventory, IamRole, IamUser } from "@/server/inventory/iam";
import { parsePolicy, type ParsedPolicy } from "./iam-policy";

export type Principal = {
  kind: "role" | "user";
  name: string;
  arn: string;
  accountId: string;
  /** Inline and attached policies, and for users those of their groups. */
  policies: ParsedPolicy[];
  boundary?: ParsedPolicy;
  /** The boundary ARN when the boundary document is not in the inventory (evaluated without it). */
  boundaryMissing?: string;
  role?: IamRole;
  user?: IamUser;
};

/** A principal that cannot be evaluated: a policy is malformed or missing from the inventory. */
type PrincipalProblem = { kind: "role" | "user"; name: string; arn: string; problems: string[] };

export type Principals = { principals: Principal[]; problems: PrincipalProblem[] };

type Attachable = {
  inlinePolicies: { name: string; document: unknown }[];
  attachedPolicies: { policyName: string; policyArn: string }[];
};

/** Managed policies parsed once per inventory, so every principal shares the same (cached) objects. */
type ManagedCache = Map<string, ReturnType<typeof parsePolicy>>;

function collect(
  iam: IamInventory,
  owner: Attachable,
  suffix: string,
  out: ParsedPolicy[],
  problems: string[],
  managedCache: ManagedCache,
): void {
  for (const inline of owner.inlinePolicies) {
    const parsed = parsePolicy(inline.document, `${inline.name} (inline${suffix})`, "identity");
    if (parsed.ok) out.push(parsed.policy);
    else problems.push(parsed.error);
  }
  for (const attached of owner.attachedPolicies) {
    const managed = iam.policies.find((p) => p.arn === attached.policyArn);
    if (!managed) {
      problems.push(`attached policy ${attached.policyArn} is not in the inventory, so what it grants is unknown`);
      continue;
    }
    const key = `${attached.policyArn}${suffix}`;
    const name = suffix ? `${attached.policyName} (${suffix.slice(2)})` : attached.policyName;
    const parsed = managedCache.get(key) ?? parsePolicy(managed.document, name, "identity");
    managedCache.set(key, parsed);
    if (parsed.ok) out.push(parsed.policy);
    else problems.push(parsed.error);
  }
}

function accountOf(arn: string): string {
  return arn.split(":")[4] ?? "";
}

function loadRole(iam: IamInventory, role: IamRole, managedCache: ManagedCache): Principal | PrincipalProblem {
  const policies: ParsedPolicy[] = [];
  const problems: string[] = [];
  collect(iam, role, "", policies, problems, managedCache);
  if (problems.length > 0) return { kind: "role", name: role.roleName, arn: role.arn, problems };
  const principal: Principal = {
    kind: "role",
    name: role.roleName,
    arn: role.arn,
    accountId: accountOf(role.arn),
    policies,
    role,
  };
  if (role.permissionsBoundaryArn) {
    const doc = iam.policies.find((p) => p.arn === role.permissionsBoundaryArn);
    const parsed = doc && parsePolicy(doc.document, `${doc.policyName} (permissions boundary)`, "boundary");
    if (!parsed) principal.boundaryMissing = role.permissionsBoundaryArn;
    else if (parsed.ok) principal.boundary = parsed.policy;
    else return { kind: "role", name: role.roleName, arn: role.arn, problems: [parsed.error] };
  }
  return principal;
}

function loadUser(iam: IamInventory, user: IamUser, managedCache: ManagedCache): Principal | PrincipalProblem {
  const policies: ParsedPolicy[] = [];
  const problems: string[] = [];
  collect(iam, user, "", policies, problems, managedCache);
  for (const groupName of user.groups) {
    const group = iam.groups.find((g) => g.groupName === groupName);
    if (group) collect(iam, group, `, group ${groupName}`, policies, problems, managedCache);
    else problems.push(`group ${groupName} is not in the inventory, so what it grants is unknown`);
  }
  if (problems.length > 0) return { kind: "user", name: user.userName, arn: user.arn, problems };
  return { kind: "user", name: user.userName, arn: user.arn, accountId: accountOf(user.arn), policies, user };
}

/** Service-linked roles are defined and maintained by AWS; their owners cannot change them. */
export function isServiceLinkedRole(role: IamRole): boolean {
  return role.path.startsWith("/aws-service-role/");
}

const cache = new WeakMap<IamInventory, Principals>();

/**
 * Every role (except service-linked ones) and user with its identity policies parsed. A principal
 * with a malformed or missing policy is a problem (ERROR), never silently evaluated without it.
 */
export function loadPrincipals(iam: IamInventory): Principals {
  const cached = cache.get(iam);
  if (cached) return cached;
  const result: Principals = { principals: [], problems: [] };
  const managedCache: ManagedCache = new Map();
  const loaded = [
    ...iam.roles.filter((r) => !isServiceLinkedRole(r)).map((r) => loadRole(iam, r, managedCache)),
    ...iam.users.map((u) => loadUser(iam, u, managedCache)),
  ];
  for (const p of loaded) {
    if ("problems" in p) result.problems.push(p);
    else result.principals.push(p);
  }
  cache.set(iam, result);
  return result;
}

export function principalText(p: { kind: "role" | "user"; name: string }): string {
  return `${p.kind === "role" ? "Role" : "User"} ${p.name}`;
}

/** Agents grouped by their service role ARN, in first-seen order. */
export function agentsByRole<T extends { agentResourceRoleArn: string }>(agents: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const a of agents) out.set(a.agentResourceRoleArn, [...(out.get(a.agentResourceRoleArn) ?? []), a]);
  return out;
}
