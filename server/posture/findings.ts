import "server-only";
import { sql, type Kysely } from "kysely";
import type { Category, Severity, Status } from "@/lib/schemas/finding";
import type { FindingDetail, FindingRow, FindingsPage, FindingsQuery } from "@/lib/schemas/posture";
import { getCheck } from "@/server/checks/registry";
import type { Database } from "@/server/db";
import { accountNames } from "./accounts";
import { containsPattern, severityRank, statusRank } from "./sql-order";

type Row = {
  id: string;
  check_id: string;
  account_id: string;
  region: string;
  resource_arn: string;
  status: string;
  severity: string;
  category: string;
  message: string;
};

function toRow(r: Row, names: Map<string, string>): FindingRow {
  return {
    id: r.id,
    checkId: r.check_id,
    checkTitle: getCheck(r.check_id)?.title ?? r.check_id,
    accountId: r.account_id,
    accountName: names.get(r.account_id) ?? r.account_id,
    region: r.region,
    resourceArn: r.resource_arn,
    // Values were written from the typed enums by the scan engine.
    status: r.status as Status,
    severity: r.severity as Severity,
    category: r.category as Category,
    message: r.message,
  };
}

/** The columns `toDetail` reads: one list for every query that shows or exports a finding with its evidence. */
export const DETAIL_COLUMNS = [
  "id",
  "check_id",
  "account_id",
  "region",
  "resource_arn",
  "status",
  "severity",
  "category",
  "message",
  "evidence_json",
] as const;

/** A damaged evidence column shows as its text rather than failing the whole page. */
function parseEvidence(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsed: text };
  }
}

export function toDetail(r: Row & { evidence_json: string }, names: Map<string, string>): FindingDetail {
  return { ...toRow(r, names), evidence: parseEvidence(r.evidence_json) };
}

function filtered(db: Kysely<Database>, scanId: string, q: FindingsQuery) {
  let query = db.selectFrom("findings").where("findings.scan_id", "=", scanId);
  if (q.account.length) query = query.where("findings.account_id", "in", q.account);
  if (q.region.length) query = query.where("findings.region", "in", q.region);
  if (q.category.length) query = query.where("findings.category", "in", q.category);
  if (q.severity.length) query = query.where("findings.severity", "in", q.severity);
  if (q.status.length) query = query.where("findings.status", "in", q.status);
  if (q.check) query = query.where("findings.check_id", "=", q.check);
  if (q.q) {
    const pattern = containsPattern(q.q);
    query = query.where((eb) =>
      eb.or(
        ["findings.message", "findings.resource_arn", "findings.check_id"].map(
          (col) => sql<boolean>`lower(${sql.ref(col)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return query;
}

export async function listFindings(db: Kysely<Database>, scanId: string | null, q: FindingsQuery): Promise<FindingsPage> {
  if (!scanId) return { scanId: null, rows: [], total: 0, page: q.page, pageSize: q.pageSize };
  const base = filtered(db, scanId, q);
  const dir = q.dir === "asc" ? sql`asc` : sql`desc`;
  // "desc" severity means most severe first; ranks run the other way, so flip them.
  const flip = q.dir === "asc" ? sql`desc` : sql`asc`;
  const order = {
    severity: sql`${severityRank()} ${flip}, ${statusRank()} asc`,
    status: sql`${statusRank()} ${flip}, ${severityRank()} asc`,
    check: sql`findings.check_id ${dir}`,
    account: sql`findings.account_id ${dir}`,
    region: sql`findings.region ${dir}`,
    resource: sql`findings.resource_arn ${dir}`,
  }[q.sort];
  const [count, rows, names] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirst(),
    base
      .selectAll("findings")
      .orderBy(sql`${order}, findings.id asc`)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    accountNames(db, scanId),
  ]);
  return { scanId, rows: rows.map((r) => toRow(r, names)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
