import "server-only";
import type { Kysely } from "kysely";
import { SEVERITIES } from "@/lib/schemas/finding";
import type { Database } from "@/server/db";
import { scopedFindings, type ExportScope, type FindingRow } from "../contents/scope";
import { evidenceExcerpt } from "./excerpt";

/** The report prints at most this many failing findings; findings.json always has every one. */
export const MAX_PRINTED_FINDINGS = 1000;

const STATUS_ORDER = ["FAIL", "ERROR"] as const;

export type FailingFinding = Omit<FindingRow, "evidence_json"> & { excerpt: string[] };

/** FAIL before ERROR, then critical → low; unknown severities last. Within a bucket, the stream's fixed order. */
function bucketOf(row: FindingRow): number | undefined {
  const status = STATUS_ORDER.indexOf(row.status as (typeof STATUS_ORDER)[number]);
  if (status < 0) return undefined;
  const severity = SEVERITIES.indexOf(row.severity as (typeof SEVERITIES)[number]);
  return status * (SEVERITIES.length + 1) + (severity < 0 ? SEVERITIES.length : severity);
}

/**
 * The first `limit` FAIL and ERROR findings in print order, and how many there are in all. The scan
 * is streamed; a bucket stops keeping rows once the buckets before it already fill the page budget,
 * so memory stays bounded by a few thousand excerpts however large the scan.
 */
export async function collectFailing(
  db: Kysely<Database>,
  scanId: string,
  scope: ExportScope,
  limit = MAX_PRINTED_FINDINGS,
): Promise<{ shown: FailingFinding[]; total: number }> {
  const buckets: FailingFinding[][] = Array.from({ length: STATUS_ORDER.length * (SEVERITIES.length + 1) }, () => []);
  let total = 0;
  for await (const row of scopedFindings(db, scanId, scope)) {
    const bucket = bucketOf(row);
    if (bucket === undefined) continue;
    total += 1;
    let before = 0;
    for (let b = 0; b < bucket; b++) before += buckets[b]?.length ?? 0;
    const target = buckets[bucket];
    if (!target || before + target.length >= limit) continue;
    const { evidence_json, ...rest } = row;
    target.push({ ...rest, excerpt: evidenceExcerpt(evidence_json) });
  }
  return { shown: buckets.flat().slice(0, limit), total };
}
