import "server-only";
import { runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { asList, type PolicyStatement } from "@/server/inventory/policy-document";
import { isUndefinedServiceKey } from "./iam-data";
import { statementLabel, type ParsedPolicy, type PolicyKind } from "./iam-policy";

type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** The SCPs attached to one node of the organization tree (root, OU or account), root first. */
export type ScpLevel = { target: string; policies: readonly ParsedPolicy[] };

export type SimulationRequest = {
  /** ARN of the calling role or user, or a service principal such as `bedrock.amazonaws.com`. */
  principal: string;
  action: string;
  /** A concrete ARN, or `*` for "some resource" (a statement on any resource then matches). */
  resource: string;
  /** Account owning the resource; defaults to the principal's account. */
  resourceAccount?: string;
  identityPolicies: readonly ParsedPolicy[];
  permissionBoundary?: ParsedPolicy;
  scps?: readonly ScpLevel[];
  resourcePolicy?: ParsedPolicy;
  /** Condition keys present in the request, with their values. */
  context?: Readonly<Record<string, string | string[]>>;
  /** Condition keys known to be absent from the request (e.g. `bedrock:GuardrailIdentifier`). */
  absentKeys?: readonly string[];
  /**
   * How to resolve a condition on a key that is neither in `context` nor in `absentKeys`. "allow"
   * (default) takes the reading most favourable to access: an Allow's condition is assumed met and
   * a Deny that depends on it is assumed not to apply. Ask "can X happen?" with "allow" and "is X
   * always allowed?" with "deny", so an unknown never produces a false PASS.
   */
  unknownConditions?: "allow" | "deny";
  /** Find the deciding statements (costs one extra simulation per candidate statement). */
  explain?: boolean;
};

export type DecidingStatement = {
  policy: string;
  kind: PolicyKind;
  index: number;
  /** `Sid "X"` or `statement #n`. */
  label: string;
  /** The statement as written in the policy. */
  statement: PolicyStatement;
};

export type SimulationResult = {
  decision: Decision;
  allowed: boolean;
  /** Allow statements that match the request (identity and resource policies). */
  allowedBy: DecidingStatement[];
  /** Deny statements that match the request (any policy). */
  deniedBy: DecidingStatement[];
  /** Condition keys whose value was unknown and resolved per `unknownConditions`. */
  assumedKeys: string[];
};

type Resolved = { policy: ParsedPolicy; index: number; original: PolicyStatement; statement: PolicyStatement };

const ALLOW_ALL_IDENTITY: PolicyStatement = { Effect: "Allow", Action: "*", Resource: "*" };
const ALLOW_ALL_RESOURCE: PolicyStatement = { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };

function accountOf(arn: string): string | undefined {
  const account = arn.split(":")[4];
  return arn.startsWith("arn:") && account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Entries naming another service can never match this action; dropping them keeps big policies fast. */
function mayMatchService(pattern: string, service: string): boolean {
  const colon = pattern.indexOf(":");
  const prefix = colon < 0 ? pattern : pattern.slice(0, colon);
  return /[*?]/.test(prefix) || prefix.toLowerCase() === service;
}

/** False when no Allow statement can grant any action of `service` (a cheap pre-filter, not a decision). */
export function mayGrantService(policies: readonly ParsedPolicy[], service: string): boolean {
  return policies.some((p) =>
    p.statements.some(
      (s) => s.Effect === "Allow" && (s.Action === undefined || asList(s.Action).some((a) => mayMatchService(a, service))),
    ),
  );
}

const reducedCache = new WeakMap<ParsedPolicy, Map<string, (PolicyStatement | undefined)[]>>();

/** The policy's statements with Action entries of other services dropped (cached: policies are immutable here). */
function reducedStatements(policy: ParsedPolicy, service: string): (PolicyStatement | undefined)[] {
  const byService = reducedCache.get(policy) ?? new Map<string, (PolicyStatement | undefined)[]>();
  reducedCache.set(policy, byService);
  const cached = byService.get(service);
  if (cached) return cached;
  const reduced = policy.statements.map((s) => {
    if (s.Action === undefined) return s;
    const actions = asList(s.Action).filter((a) => mayMatchService(a, service));
    return actions.length === 0 ? undefined : { ...s, Action: actions };
  });
  byService.set(service, reduced);
  return reduced;
}

function resolveConditions(
  s: PolicyStatement,
  isKnown: (key: string) => boolean,
  mode: "allow" | "deny",
  assumed: Set<string>,
): PolicyStatement | undefined {
  if (!s.Condition) return s;
  const kept: NonNullable<PolicyStatement["Condition"]> = {};
  let unknown = false;
  for (const [operator, entries] of Object.entries(s.Condition)) {
    for (const [key, value] of Object.entries(entries)) {
      if (isKnown(key)) kept[operator] = { ...kept[operator], [key]: value };
      else {
        unknown = true;
        assumed.add(key);
      }
    }
  }
  if (!unknown) return s;
  // An unknown condition is assumed met when that favours `mode`, else its statement never applies.
  const assumeMet = (mode === "allow") === (s.Effect === "Allow");
  if (!assumeMet) return undefined;
  const { Condition: _dropped, ...rest } = s;
  return Object.keys(kept).length > 0 ? { ...rest, Condition: kept } : rest;
}

const doc = (statements: readonly PolicyStatement[]) => ({ Version: "2012-10-17", Statement: statements });

// runUnsafeSimulation loads a plain resource policy without a name and then crashes reading it;
// a ValidatedPolicy-shaped value (iam-policy's documented wrapper) carries the name through.
const resourceDoc = (name: string, statements: readonly PolicyStatement[]) => ({
  __validated: true,
  policyDocument: doc(statements),
  metadata: { name },
  errors: [],
});

type Parts = {
  identity: readonly PolicyStatement[][];
  boundary?: PolicyStatement[];
  scps?: { target: string; policies: PolicyStatement[][] }[];
  resource?: PolicyStatement[];
  resourceAccount: string;
};

function run(req: SimulationRequest, parts: Parts): Decision {
  const simulation: Simulation = {
    request: {
      principal: req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: parts.resourceAccount },
      contextVariables: { ...req.context },
    },
    identityPolicies: parts.identity.map((statements, i) => ({ name: `identity-${i}`, policy: doc(statements) })),
    serviceControlPolicies: (parts.scps ?? []).map((level) => ({
      orgIdentifier: level.target,
      policies: level.policies.map((statements, i) => ({ name: `${level.target}-${i}`, policy: doc(statements) })),
    })),
    resourceControlPolicies: [],
    ...(parts.boundary ? { permissionBoundaryPolicies: [{ name: "boundary", policy: doc(parts.boundary) }] } : {}),
    ...(parts.resource ? { resourcePolicy: resourceDoc("resource", parts.resource) } : {}),
  };
  return runUnsafeSimulation(simulation, {});
}

function otherAccount(account: string | undefined): string {
  return account === "000000000000" ? "000000000001" : "000000000000";
}

function toDeciding(r: Resolved): DecidingStatement {
  return {
    policy: r.policy.name,
    kind: r.policy.kind,
    index: r.index,
    label: statementLabel(r.original, r.index),
    statement: r.original,
  };
}

/**
 * Evaluates one request with @cloud-copilot/iam-simulate (identity policies, permissions boundary,
 * SCPs and a resource policy), synchronously. Conditions on keys the caller did not state are
 * resolved per `unknownConditions`; keys a service does not define (per iam-data) are known absent.
 *
 * Uses the package's synchronous `runUnsafeSimulation` (`runSimulation` is async). It skips input
 * validation, which `parsePolicy` does first; it returns only the decision, so the deciding
 * statements are found by simulating each candidate statement on its own.
 */
export function isAllowed(req: SimulationRequest): SimulationResult {
  const service = req.action.split(":")[0]?.toLowerCase() ?? "";
  const known = new Set([...Object.keys(req.context ?? {}), ...(req.absentKeys ?? [])].map((k) => k.toLowerCase()));
  const isKnown = (key: string) => known.has(key.toLowerCase()) || isUndefinedServiceKey(key);
  const mode = req.unknownConditions ?? "allow";
  const assumed = new Set<string>();

  const resolvePolicy = (policy: ParsedPolicy): Resolved[] =>
    reducedStatements(policy, service).flatMap((reduced, index) => {
      const original = policy.statements[index];
      const statement = reduced && resolveConditions(reduced, isKnown, mode, assumed);
      return statement && original ? [{ policy, index, original, statement }] : [];
    });

  const identity = req.identityPolicies.map(resolvePolicy);
  const boundary = req.permissionBoundary ? resolvePolicy(req.permissionBoundary) : undefined;
  const scps = req.scps?.map((level) => ({ target: level.target, policies: level.policies.map(resolvePolicy) }));
  const resource = req.resourcePolicy ? resolvePolicy(req.resourcePolicy) : undefined;

  const principalAccount = accountOf(req.principal);
  const resourceAccount = req.resourceAccount ?? principalAccount ?? accountOf(req.resource);
  if (!resourceAccount) throw new Error(`Cannot tell which account owns ${req.resource}; pass resourceAccount`);

  const statementsOf = (list: Resolved[]) => list.map((r) => r.statement);
  const decision = run(req, {
    identity: identity.map(statementsOf),
    ...(boundary ? { boundary: statementsOf(boundary) } : {}),
    ...(scps ? { scps: scps.map((l) => ({ target: l.target, policies: l.policies.map(statementsOf) })) } : {}),
    ...(resource ? { resource: statementsOf(resource) } : {}),
    resourceAccount,
  });

  const result: SimulationResult = {
    decision,
    allowed: decision === "Allowed",
    allowedBy: [],
    deniedBy: [],
    assumedKeys: [...assumed],
  };
  if (req.explain === false) return result;

  const crossAccount = otherAccount(principalAccount);
  // With a resource policy (KMS requires one), stand in a policy that only delegates to the
  // principal's account, so a principal-side statement is still judged on its own.
  const partition = req.principal.split(":")[1] ?? "aws";
  const delegate: { resource: PolicyStatement[] } | Record<string, never> =
    resource && principalAccount
      ? {
          resource: [
            { Effect: "Allow", Principal: { AWS: `arn:${partition}:iam::${principalAccount}:root` }, Action: "*", Resource: "*" },
          ],
        }
      : {};
  if (decision === "Allowed") {
    // Each candidate alone: an identity statement must allow by itself; a resource statement must
    // admit the principal across accounts (so the identity side cannot be what allows).
    for (const r of identity.flat().filter((x) => x.statement.Effect === "Allow")) {
      const alone = run(req, { identity: [[r.statement]], ...delegate, resourceAccount });
      if (alone === "Allowed") result.allowedBy.push(toDeciding(r));
    }
    for (const r of (resource ?? []).filter((x) => x.statement.Effect === "Allow")) {
      const alone = run(req, { identity: [[ALLOW_ALL_IDENTITY]], resource: [r.statement], resourceAccount: crossAccount });
      if (alone === "Allowed") result.allowedBy.push(toDeciding(r));
    }
  } else if (decision === "ExplicitlyDenied") {
    const principalSide = [...identity.flat(), ...(boundary ?? []), ...(scps ?? []).flatMap((l) => l.policies.flat())];
    for (const r of principalSide.filter((x) => x.statement.Effect === "Deny")) {
      const alone = run(req, { identity: [[ALLOW_ALL_IDENTITY, r.statement]], ...delegate, resourceAccount });
      if (alone === "ExplicitlyDenied") result.deniedBy.push(toDeciding(r));
    }
    for (const r of (resource ?? []).filter((x) => x.statement.Effect === "Deny")) {
      const alone = run(req, { identity: [[ALLOW_ALL_IDENTITY]], resource: [ALLOW_ALL_RESOURCE, r.statement], resourceAccount });
      if (alone === "ExplicitlyDenied") result.deniedBy.push(toDeciding(r));
    }
  }
  return result;
}
