import type { Kysely } from "kysely";
import { SEVERITIES, STATUSES, type Severity } from "@/lib/constants/finding";
import { findingsQuerySchema, type FindingRow } from "@/lib/schemas/posture";
import type { Scan, ScanError } from "@/lib/schemas/scan";
import type { Database } from "@/server/db";
import { listFindings } from "@/server/posture/findings";
import { groupScanErrors } from "@/server/scans/errors-by-service";
import { getScan } from "@/server/scans/repository";
import { renderTable } from "../output/table";

/** The `--format json` document: what the dashboard shows for the scan, read back from the database. */
export type ScanReport = { scan: Omit<Scan, "errors">; findings: FindingRow[]; errors: ScanError[] };

// The largest page the findings query accepts.
const PAGE_SIZE = 200;

/** Reads the stored scan and all its findings, most severe first, through the findings page's own query. */
export async function loadScanReport(db: Kysely<Database>, scanId: string): Promise<ScanReport> {
  const stored = await getScan(db, scanId);
  if (!stored) throw new Error(`Scan ${scanId} is no longer in the database.`);
  const { errors, ...scan } = stored;
  const findings: FindingRow[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listFindings(db, scanId, findingsQuerySchema.parse({ page, pageSize: PAGE_SIZE }));
    findings.push(...result.rows);
    if (result.rows.length < PAGE_SIZE || findings.length >= result.total) break;
  }
  return { scan, findings, errors };
}

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** FAIL findings of `threshold` or a more severe level: what --fail-on counts. */
export function failingAtOrAbove(findings: readonly FindingRow[], threshold: Severity): FindingRow[] {
  return findings.filter((f) => f.status === "FAIL" && rank(f.severity) <= rank(threshold));
}

export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function summary(report: ScanReport, failing: readonly FindingRow[]): string[] {
  const { scan } = report;
  const lines = [
    `Scan ${scan.id}  ${scan.status}  source ${scan.source}  requested by ${scan.requestedBy}`,
    `Started ${scan.startedAt ?? "-"}  finished ${scan.finishedAt ?? "-"}`,
  ];
  if (scan.status === "failed") return [...lines, `Failed: ${scan.error ?? "no reason recorded"}`];
  const overall = scan.score?.overall;
  lines.push(
    overall && overall.score !== null
      ? `Score     ${Math.round(overall.score)} (${overall.grade ?? "-"})`
      : "Score     n/a (nothing could be evaluated)",
  );
  if (overall) lines.push(`Findings  ${STATUSES.map((s) => `${s} ${overall.counts[s]}`).join("  ")}`);
  lines.push(`Failing   ${SEVERITIES.map((s) => `${s} ${failing.filter((f) => f.severity === s).length}`).join("  ")}`);
  return lines;
}

function errorTable(report: ScanReport, maxWidth: number | undefined): string[] {
  if (report.errors.length === 0) return [];
  const names = new Map(report.findings.map((f) => [f.accountId, f.accountName]));
  const rows = groupScanErrors(report.errors, names).flatMap((account) =>
    account.services.map((s) => [
      account.accountName ? `${account.accountName} (${account.accountId})` : account.accountId,
      s.service,
      String(s.count),
      s.regions.join(", "),
      // An access denial's reason repeats the action; the action is what to grant.
      s.actions.length > 0 ? `grant ${s.actions.join(", ")}` : s.reasons.join("; "),
    ]),
  );
  return [
    "",
    `Collection errors (${report.errors.length}), by account and service:`,
    renderTable(["ACCOUNT", "SERVICE", "ERRORS", "REGIONS", "TO FIX"], rows, {
      maxWidth,
      indent: "  ",
      fit: [
        { column: 4, min: 30, cut: "end" },
        { column: 3, min: 20, cut: "end" },
      ],
    }),
  ];
}

function findingTable(failing: readonly FindingRow[], maxWidth: number | undefined): string[] {
  if (failing.length === 0) return ["", "No failing findings."];
  const sorted = [...failing].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      a.checkId.localeCompare(b.checkId) ||
      a.accountId.localeCompare(b.accountId) ||
      a.region.localeCompare(b.region) ||
      a.resourceArn.localeCompare(b.resourceArn),
  );
  const rows = sorted.map((f) => [f.severity, f.checkId, f.accountId, f.region, f.resourceArn, f.message]);
  return [
    "",
    `Failing findings (${failing.length}), most severe first:`,
    renderTable(["SEVERITY", "CHECK", "ACCOUNT", "REGION", "RESOURCE", "MESSAGE"], rows, {
      maxWidth,
      indent: "  ",
      fit: [
        { column: 5, min: 24, cut: "end" },
        { column: 4, min: 28, cut: "middle" },
        { column: 1, min: 20, cut: "end" },
      ],
    }),
  ];
}

/** The `--format table` text; `maxWidth` is the terminal's width, or undefined for a pipe or file. */
export function renderTableReport(report: ScanReport, maxWidth?: number): string {
  const failing = report.findings.filter((f) => f.status === "FAIL");
  const lines = [...summary(report, failing), ...errorTable(report, maxWidth)];
  if (report.scan.status !== "failed") lines.push(...findingTable(failing, maxWidth));
  return `${lines.join("\n")}\n`;
}
