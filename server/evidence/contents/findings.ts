import "server-only";
import type { Kysely } from "kysely";
import { getCheck } from "@/server/checks/registry";
import type { Database } from "@/server/db";
import { csvCell } from "@/server/logs/explorer/export";
import { getScan } from "@/server/scans/repository";
import { NotFoundError } from "@/server/http/errors";
import { canonicalJson } from "../manifest";
import { sanitise, sanitiseText } from "./sanitise";
import { scopedFindings, type ExportScope, type FindingRow } from "./scope";

export type FindingsInput = {
  db: Kysely<Database>;
  scanId: string;
  scope: ExportScope;
  /** A framework id, or "all". */
  framework: string;
  generatedBy: { name: string; version: string };
};

export type ExportedFinding = ReturnType<typeof exportedFinding>;

/** Rows go out in batches of this many, so a consumer gets bytes early and no single string holds them all. */
const BATCH = 500;

function requirementsOf(checkId: string, framework: string): Record<string, string[]> {
  const mapped = getCheck(checkId)?.frameworks ?? {};
  const ids = framework === "all" ? Object.keys(mapped).sort() : framework in mapped ? [framework] : [];
  return Object.fromEntries(ids.map((id) => [id, [...(mapped[id] ?? [])].sort()]));
}

function parseEvidence(text: string): unknown {
  try {
    return sanitise(JSON.parse(text));
  } catch {
    // Kept, as text, rather than dropped: the excerpt is what decided the verdict.
    return { unparsed: sanitiseText(text) };
  }
}

function exportedFinding(row: FindingRow, framework: string) {
  const check = getCheck(row.check_id);
  return {
    id: row.id,
    checkId: row.check_id,
    title: check?.title ?? row.check_id,
    severity: check?.severity ?? row.severity,
    category: check?.category ?? row.category,
    requirements: requirementsOf(row.check_id, framework),
    accountId: row.account_id,
    region: row.region,
    resourceArn: row.resource_arn,
    status: row.status,
    message: sanitiseText(row.message),
    evidence: parseEvidence(row.evidence_json),
  };
}

async function scanHeader(input: FindingsInput) {
  const scan = await getScan(input.db, input.scanId);
  if (!scan) throw new NotFoundError(`Scan ${input.scanId} does not exist.`);
  const score = scan.score?.overall.score;
  return {
    id: scan.id,
    source: scan.source,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    ...(score === null || score === undefined ? {} : { score }),
  };
}

async function* batches<T>(input: FindingsInput, render: (finding: ExportedFinding, first: boolean) => T): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let first = true;
  for await (const row of scopedFindings(input.db, input.scanId, input.scope)) {
    batch.push(render(exportedFinding(row, input.framework), first));
    first = false;
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Indents a canonical JSON text for its place inside the findings array. */
const indent = (json: string, by: string) => json.replaceAll("\n", `\n${by}`);

/**
 * findings.json: `{ findings, framework, generatedBy, scan, scope }` with sorted keys and a two-space indent (the
 * shape JSON.stringify(sortKeys(doc), null, 2) would give), written finding by finding.
 */
export async function* findingsJson(input: FindingsInput): AsyncGenerator<Buffer> {
  const scan = await scanHeader(input);
  let any = false;
  yield Buffer.from('{\n  "findings": [');
  for await (const batch of batches(
    input,
    (f, first) => `${first ? "" : ","}\n    ${indent(canonicalJson(f).trimEnd(), "    ")}`,
  )) {
    any = true;
    yield Buffer.from(batch.join(""));
  }
  const tail = canonicalJson({
    framework: input.framework,
    generatedBy: input.generatedBy,
    scan,
    scope: { accounts: [...input.scope.accounts], regions: [...input.scope.regions] },
  });
  yield Buffer.from(`${any ? "\n  " : ""}],\n${tail.slice(2)}`);
}

export const CSV_COLUMNS = [
  "id",
  "check_id",
  "check_title",
  "severity",
  "category",
  "requirements",
  "account_id",
  "region",
  "resource_arn",
  "status",
  "message",
  "evidence",
] as const;

const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** Requirement ids as "framework:id" joined by "; ", one cell an auditor can filter on. */
const requirementCell = (requirements: Record<string, string[]>) =>
  Object.entries(requirements)
    .flatMap(([fw, ids]) => ids.map((id) => `${fw}:${id}`))
    .join("; ");

/**
 * findings.csv: RFC 4180 (CRLF, quoted where needed), a header row, one row per finding, the evidence as compact
 * JSON in one cell. Cells a spreadsheet would run as formulas are defused by the logs export's csvCell.
 */
export async function* findingsCsv(input: FindingsInput): AsyncGenerator<Buffer> {
  await scanHeader(input);
  yield Buffer.from(csvRow([...CSV_COLUMNS]));
  const render = (f: ExportedFinding) =>
    csvRow([
      f.id,
      f.checkId,
      f.title,
      f.severity,
      f.category,
      requirementCell(f.requirements),
      f.accountId,
      f.region,
      f.resourceArn,
      f.status,
      f.message,
      JSON.stringify(f.evidence),
    ]);
  for await (const batch of batches(input, render)) yield Buffer.from(batch.join(""));
}
