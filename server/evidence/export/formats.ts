import "server-only";
import { categorySchema, severitySchema, statusSchema, type Status } from "@/lib/schemas/finding";
import { getCheck } from "@/server/checks/registry";
import { buildComplianceFindings, toJsonl, type OcsfFindingInput } from "../ocsf/build";
import { buildAssessmentResults } from "../oscal/build";
import type { FindingRow } from "../contents/scope";
import { sanitise, sanitiseText } from "../contents/sanitise";
import type { ExportBasis } from "./build";

type FormatOptions = { generator: { name: string; version: string }; now: Date };

/** A stored status outside the vocabulary means a damaged database; exporting it as anything would be a guess. */
export function rowStatus(row: Pick<FindingRow, "id" | "status">): Status {
  const parsed = statusSchema.safeParse(row.status);
  if (!parsed.success) throw new Error(`Finding ${row.id} has status "${row.status}", which Strata does not know.`);
  return parsed.data;
}

function ocsfInput(row: FindingRow): OcsfFindingInput {
  const check = getCheck(row.check_id);
  return {
    id: row.id,
    checkId: row.check_id,
    accountId: row.account_id,
    region: row.region,
    resourceArn: row.resource_arn,
    status: rowStatus(row),
    severity: check?.severity ?? severitySchema.catch("medium").parse(row.severity),
    category: check?.category ?? categorySchema.parse(row.category),
    message: sanitiseText(row.message),
  };
}

/** Lines go out in batches: 50,000 records would be a 200 MB string at once. */
const LINES_PER_CHUNK = 1000;

export async function* ocsfJsonl(basis: ExportBasis, options: FormatOptions): AsyncGenerator<Buffer> {
  const finishedAt = basis.scan.finishedAt ?? basis.scan.createdAt;
  const records = buildComplianceFindings({
    scan: { id: basis.scan.id, finishedAt },
    findings: basis.rows.map(ocsfInput),
    productVersion: options.generator.version,
  });
  for (let at = 0; at < records.length; at += LINES_PER_CHUNK) {
    yield Buffer.from(toJsonl(records.slice(at, at + LINES_PER_CHUNK)));
  }
}

function evidenceOf(row: FindingRow): unknown {
  try {
    return sanitise(JSON.parse(row.evidence_json));
  } catch {
    return { unparsed: sanitiseText(row.evidence_json) };
  }
}

export function oscalJson(basis: ExportBasis, options: FormatOptions): Buffer {
  const document = buildAssessmentResults({
    scan: {
      id: basis.scan.id,
      source: basis.scan.source,
      startedAt: basis.scan.startedAt ?? basis.scan.createdAt,
      finishedAt: basis.scan.finishedAt ?? basis.scan.createdAt,
      scope: basis.covered,
    },
    frameworks: basis.frameworks,
    findings: basis.rows.map((row) => ({
      checkId: row.check_id,
      accountId: row.account_id,
      region: row.region,
      resourceArn: row.resource_arn,
      status: rowStatus(row),
      message: sanitiseText(row.message),
      evidence: evidenceOf(row),
    })),
    attestations: basis.attestations,
    generator: options.generator,
    now: options.now,
  });
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, "utf8");
}
