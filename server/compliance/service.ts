import "server-only";
import type { Kysely } from "kysely";
import type { Framework, RequirementStatus } from "@/lib/schemas/compliance";
import type {
  ComplianceOverview,
  ComplianceQuery,
  ComplianceScopeQuery,
  FrameworkDetail,
  FrameworkSummary,
  FrameworkTrend,
  RequirementResultDto,
} from "@/lib/schemas/compliance-api";
import type { Status } from "@/lib/schemas/finding";
import { getCheck } from "@/server/checks/registry";
import type { Database } from "@/server/db";
import { accountNames, scanRegions } from "@/server/posture/accounts";
import { listAttestations, type StoredAttestation } from "./attestations";
import { emptyTotals, evaluateFramework, type ComplianceScope, type CountedFinding, type FrameworkResult } from "./evaluate";
import { FRAMEWORKS } from "./frameworks";
import { getFrameworkOrThrow, listCompletedScans, resolveComplianceScan, SCAN_HISTORY } from "./scope";

/** PASS among the requirements that apply; ATTESTED and MANUAL are statements, not passes. */
function passShare(totals: Record<RequirementStatus, number>): number | null {
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  const applicable = all - totals.NOT_APPLICABLE;
  return applicable === 0 ? null : totals.PASS / applicable;
}

const frameworkChecks = (framework: Framework) => [...new Set(framework.requirements.flatMap((r) => r.checks))];

/**
 * The four columns evaluation needs, grouped with a count: one row per (scan, check, account,
 * region, status) however many resources there are, and no evidence JSON is read.
 */
async function groupedFindings(
  db: Kysely<Database>,
  scanIds: readonly string[],
  checkIds?: readonly string[],
): Promise<(CountedFinding & { scanId: string })[]> {
  if (scanIds.length === 0 || checkIds?.length === 0) return [];
  let query = db
    .selectFrom("findings")
    .select(["scan_id", "check_id", "account_id", "region", "status"])
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("scan_id", "in", scanIds);
  if (checkIds) query = query.where("check_id", "in", checkIds);
  const rows = await query.groupBy(["scan_id", "check_id", "account_id", "region", "status"]).execute();
  return rows.map((r) => ({
    scanId: r.scan_id,
    checkId: r.check_id,
    accountId: r.account_id,
    region: r.region,
    // Written from the typed enum by the scan engine.
    status: r.status as Status,
    count: Number(r.n),
  }));
}

const toScope = (q: ComplianceScopeQuery): ComplianceScope => ({ accounts: q.accounts, regions: q.regions });

/** Each account's pass share, from the per-account statuses evaluation already computed; highest first. */
function accountShares(result: FrameworkResult): FrameworkSummary["accountShares"] {
  const totals = new Map<string, Record<RequirementStatus, number>>();
  for (const r of result.requirements)
    for (const [accountId, status] of Object.entries(r.byAccount)) {
      const t = totals.get(accountId) ?? emptyTotals();
      t[status] += 1;
      totals.set(accountId, t);
    }
  return [...totals]
    .map(([accountId, t]) => ({ accountId, passShare: passShare(t) }))
    .sort((a, b) => (b.passShare ?? -1) - (a.passShare ?? -1) || (a.accountId < b.accountId ? -1 : 1));
}

function summary(framework: Framework, result: FrameworkResult): FrameworkSummary {
  return {
    id: framework.id,
    name: framework.name,
    version: framework.version,
    ...(framework.note !== undefined && { note: framework.note }),
    coverage: result.coverage,
    totals: result.totals,
    passShare: passShare(result.totals),
    accountShares: accountShares(result),
  };
}

async function scanContext(db: Kysely<Database>, scanId: string | null) {
  if (!scanId) return { accounts: [], regions: [] };
  const [names, regions] = await Promise.all([accountNames(db, scanId), scanRegions(db, scanId)]);
  const accounts = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return { accounts, regions };
}

/** Every framework's coverage and status tallies for one scan and scope. */
export async function getComplianceOverview(db: Kysely<Database>, q: ComplianceQuery): Promise<ComplianceOverview> {
  const scan = await resolveComplianceScan(db, q.scan);
  const [scans, context, findings, attestations] = await Promise.all([
    listCompletedScans(db),
    scanContext(db, scan?.id ?? null),
    scan ? groupedFindings(db, [scan.id]) : [],
    scan ? listAttestations(db, scan.id) : [],
  ]);
  const scope = toScope(q);
  return {
    scan,
    scans,
    ...context,
    frameworks: FRAMEWORKS.map((fw) => summary(fw, evaluateFramework(fw, findings, { scope, attestations }))),
  };
}

/** One framework's requirements with their results, breakdowns and attestations. */
export async function getFrameworkDetail(
  db: Kysely<Database>,
  frameworkId: string,
  q: ComplianceQuery,
): Promise<FrameworkDetail> {
  const framework = getFrameworkOrThrow(frameworkId);
  const scan = await resolveComplianceScan(db, q.scan);
  const [scans, context, findings, attestations] = await Promise.all([
    listCompletedScans(db),
    scanContext(db, scan?.id ?? null),
    scan ? groupedFindings(db, [scan.id], frameworkChecks(framework)) : [],
    scan ? listAttestations(db, scan.id, framework.id) : [],
  ]);
  const result = evaluateFramework(framework, findings, { scope: toScope(q), attestations });
  const requirements = framework.requirements.map((r, i): RequirementResultDto => {
    const res = result.requirements[i];
    if (res?.requirementId !== r.id) throw new Error(`evaluateFramework reordered ${framework.id}`);
    // evaluate hands back the very object it picked, so its id and attachment come along.
    const attestation: StoredAttestation | undefined = attestations.find((a) => a === res.attestation);
    return {
      id: r.id,
      title: r.title,
      customerMustShow: r.customerMustShow,
      manual: r.manual,
      ...(r.awsInherited && { awsInherited: r.awsInherited }),
      status: res.status,
      checks: res.checks.map((c) => {
        const check = getCheck(c.checkId);
        return {
          ...c,
          title: check?.title ?? c.checkId,
          severity: check?.severity ?? null,
          category: check?.category ?? null,
        };
      }),
      byAccount: res.byAccount,
      byRegion: res.byRegion,
      ...(attestation && { attestation }),
    };
  });
  return { ...summary(framework, result), scan, scans, ...context, requirements };
}

/** Totals per completed scan (the last 30, oldest first): two queries however many scans. */
export async function getFrameworkTrend(
  db: Kysely<Database>,
  frameworkId: string,
  q: ComplianceScopeQuery,
): Promise<FrameworkTrend> {
  const framework = getFrameworkOrThrow(frameworkId);
  const scans = (await listCompletedScans(db, SCAN_HISTORY)).reverse();
  const ids = scans.map((s) => s.id);
  const [findings, attestations] = await Promise.all([
    groupedFindings(db, ids, frameworkChecks(framework)),
    ids.length === 0 ? [] : listAttestations(db, ids, framework.id),
  ]);
  const byScan = new Map<string, CountedFinding[]>();
  for (const f of findings) {
    const list = byScan.get(f.scanId) ?? [];
    byScan.set(f.scanId, list);
    list.push(f);
  }
  const scope = toScope(q);
  return {
    frameworkId: framework.id,
    points: scans.map((s) => {
      const { totals } = evaluateFramework(framework, byScan.get(s.id) ?? [], {
        scope,
        attestations: attestations.filter((a) => a.scanId === s.id),
      });
      return { scanId: s.id, finishedAt: s.finishedAt, totals, passShare: passShare(totals) };
    }),
  };
}
