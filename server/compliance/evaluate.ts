import "server-only";
import { REQUIREMENT_STATUSES, type Attestation, type Framework, type RequirementStatus } from "@/lib/schemas/compliance";
import { GLOBAL_REGION } from "@/lib/schemas/finding";
import { checkStatus, requirementStatus, type CheckStatus, type ComplianceFinding, type Tally } from "./status";

export type ComplianceScope = { accounts?: readonly string[]; regions?: readonly string[] };

/** A finding, or `count` identical ones: a grouped query's row stands for many without loading them. */
export type CountedFinding = ComplianceFinding & { count?: number };

type RequirementResult = {
  requirementId: string;
  status: RequirementStatus;
  checks: { checkId: string; status: CheckStatus; findings: number }[];
  attestation?: Attestation;
  byAccount: Record<string, RequirementStatus>;
  byRegion: Record<string, RequirementStatus>;
};

export type FrameworkResult = {
  frameworkId: Framework["id"];
  requirements: RequirementResult[];
  totals: Record<RequirementStatus, number>;
  /** automated: requirements with at least one mapped check; evidenced: whose checks produced findings in scope. */
  coverage: { automated: number; evidenced: number; total: number; ratio: number };
};

/**
 * Account-level findings (IAM, Organizations) carry region "global": they apply to every region, so
 * narrowing to regions keeps them, and each region's breakdown includes them.
 */
function inScope(f: ComplianceFinding, scope: ComplianceScope): boolean {
  if (scope.accounts?.length && !scope.accounts.includes(f.accountId)) return false;
  if (scope.regions?.length && f.region !== GLOBAL_REGION && !scope.regions.includes(f.region)) return false;
  return true;
}

/** The newest attestation per requirement of this framework. */
function latestAttestations(frameworkId: string, attestations: readonly Attestation[]): Map<string, Attestation> {
  const out = new Map<string, Attestation>();
  for (const a of attestations) {
    if (a.frameworkId !== frameworkId) continue;
    const prev = out.get(a.requirementId);
    if (!prev || Date.parse(a.at) > Date.parse(prev.at)) out.set(a.requirementId, a);
  }
  return out;
}

/** Tallies keyed by scope key ("*", "account:<id>", "region:<name>") then check id: one pass over the findings. */
class Tallies {
  private readonly map = new Map<string, Map<string, Tally>>();

  add(key: string, f: CountedFinding): void {
    const byCheck = this.map.get(key) ?? new Map<string, Tally>();
    this.map.set(key, byCheck);
    const tally = byCheck.get(f.checkId) ?? { count: 0, seen: new Set() };
    byCheck.set(f.checkId, tally);
    tally.count += f.count ?? 1;
    tally.seen.add(f.status);
  }

  get(key: string, checkId: string): Tally | undefined {
    return this.map.get(key)?.get(checkId);
  }
}

function merge(a: Tally | undefined, b: Tally | undefined): Tally | undefined {
  if (!a || !b) return a ?? b;
  return { count: a.count + b.count, seen: new Set([...a.seen, ...b.seen]) };
}

/** A count of zero for every requirement status. */
export const emptyTotals = () => Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;

/** Per-requirement status, breakdowns and coverage for one framework over one scan's findings. */
export function evaluateFramework(
  framework: Framework,
  findings: readonly CountedFinding[],
  options: { scope?: ComplianceScope; attestations?: readonly Attestation[] } = {},
): FrameworkResult {
  const scope = options.scope ?? {};
  const tallies = new Tallies();
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const f of findings) {
    if (!inScope(f, scope)) continue;
    accounts.add(f.accountId);
    if (f.region !== GLOBAL_REGION) regions.add(f.region);
    tallies.add("*", f);
    tallies.add(`account:${f.accountId}`, f);
    tallies.add(`region:${f.region}`, f);
  }
  const attested = latestAttestations(framework.id, options.attestations ?? []);

  const requirements = framework.requirements.map((r): RequirementResult => {
    const attestation = attested.get(r.id);
    const statusFor = (tally: (checkId: string) => Tally | undefined) =>
      requirementStatus(
        r,
        r.checks.map((c) => checkStatus(tally(c))),
        attestation,
      );
    const keyed = (keys: Set<string>, tally: (key: string, checkId: string) => Tally | undefined) =>
      Object.fromEntries([...keys].sort().map((k) => [k, statusFor((c) => tally(k, c))]));
    return {
      requirementId: r.id,
      status: statusFor((c) => tallies.get("*", c)),
      checks: r.checks.map((checkId) => {
        const tally = tallies.get("*", checkId);
        return { checkId, status: checkStatus(tally), findings: tally?.count ?? 0 };
      }),
      ...(attestation && { attestation }),
      byAccount: keyed(accounts, (a, c) => tallies.get(`account:${a}`, c)),
      byRegion: keyed(regions, (reg, c) => merge(tallies.get(`region:${reg}`, c), tallies.get(`region:${GLOBAL_REGION}`, c))),
    };
  });

  const totals = emptyTotals();
  for (const r of requirements) totals[r.status] += 1;
  const automated = framework.requirements.filter((r) => r.checks.length > 0).length;
  const evidenced = requirements.filter((r) => r.checks.some((c) => c.findings > 0)).length;
  const total = framework.requirements.length;
  return {
    frameworkId: framework.id,
    requirements,
    totals,
    coverage: { automated, evidenced, total, ratio: total === 0 ? 0 : automated / total },
  };
}
