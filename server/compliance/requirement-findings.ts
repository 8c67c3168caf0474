import "server-only";
import { sql, type Kysely } from "kysely";
import type { RequirementFindingsPage, RequirementFindingsQuery } from "@/lib/schemas/compliance-api";
import { GLOBAL_REGION } from "@/lib/schemas/finding";
import type { Database } from "@/server/db";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { accountNames } from "@/server/posture/accounts";
import { DETAIL_COLUMNS, toDetail } from "@/server/posture/findings";
import { severityRank, statusRank } from "@/server/posture/sql-order";
import { getFrameworkOrThrow, resolveComplianceScan } from "./scope";

type Position = { s: number; v: number; id: string };

/** The cursor is the last row's sort key (status rank, severity rank, id): stable while rows are read. */
function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.s, p.v, p.id])).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      Number.isInteger(value[0]) &&
      Number.isInteger(value[1]) &&
      typeof value[2] === "string"
    )
      return { s: value[0] as number, v: value[1] as number, id: value[2] };
  } catch {
    // Falls through to the same error as a well-formed but foreign value.
  }
  throw new ValidationError("The cursor is not one this API issued; start again without it.");
}

/**
 * The findings behind one requirement: every finding of its mapped checks in the scan and scope,
 * failing and most severe first, with evidence. Account-level ("global") findings stay in any region scope.
 */
export async function listRequirementFindings(
  db: Kysely<Database>,
  frameworkId: string,
  requirementId: string,
  q: RequirementFindingsQuery,
): Promise<RequirementFindingsPage> {
  const framework = getFrameworkOrThrow(frameworkId);
  const requirement = framework.requirements.find((r) => r.id === requirementId);
  if (!requirement) throw new NotFoundError(`Requirement "${requirementId}" of ${framework.name}`);
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  const scan = await resolveComplianceScan(db, q.scan);
  if (!scan || requirement.checks.length === 0) return { scanId: scan?.id ?? null, rows: [], total: 0, nextCursor: null };

  let base = db.selectFrom("findings").where("scan_id", "=", scan.id).where("check_id", "in", requirement.checks);
  if (q.accounts.length) base = base.where("account_id", "in", q.accounts);
  if (q.regions.length) base = base.where((eb) => eb.or([eb("region", "in", q.regions), eb("region", "=", GLOBAL_REGION)]));
  if (q.status.length) base = base.where("status", "in", q.status);

  const s = statusRank();
  const v = severityRank();
  let page = base.select(DETAIL_COLUMNS).select([s.as("s"), v.as("v")]);
  if (after)
    page = page.where(
      sql<boolean>`(${s} > ${after.s} or (${s} = ${after.s} and (${v} > ${after.v} or (${v} = ${after.v} and findings.id > ${after.id}))))`,
    );
  const [count, rows, names] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirst(),
    // One extra row says whether another page exists without a second count.
    page
      .orderBy(sql`${s}`)
      .orderBy(sql`${v}`)
      .orderBy("id")
      .limit(q.limit + 1)
      .execute(),
    accountNames(db, scan.id),
  ]);
  const shown = rows.slice(0, q.limit);
  const last = shown.at(-1);
  return {
    scanId: scan.id,
    total: Number(count?.n ?? 0),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ s: Number(last.s), v: Number(last.v), id: last.id }) : null,
    rows: shown.map((r) => toDetail(r, names)),
  };
}
