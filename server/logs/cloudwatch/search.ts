import "server-only";
import type { LogFilter, LogPage } from "@/lib/schemas/logs";
import { queryWindow, searchQuery, tieQuery, type Keyset } from "./compile";
import { noticeOf, type QueryRunner } from "./fan-out";
import { toSummary } from "../summary";
import { byKeysetDesc, encodeCursor, foundRow, type FoundRow } from "./rows";
import { targetKey, type LogTarget } from "./run-query";

export type Located = FoundRow & { target: LogTarget };

/** What each target returned for one page, and whether it had more rows than it returned. */
type TargetRows = { rows: Located[]; truncated: boolean };

async function rowsOf(
  runner: QueryRunner,
  target: LogTarget,
  query: string,
  filter: LogFilter,
  limit: number,
  signal?: AbortSignal,
): Promise<TargetRows> {
  const raw = await runner.query(target, { query, ...queryWindow(filter), limit }, signal);
  const rows = raw.flatMap((r) => {
    const found = foundRow(r);
    return found === null ? [] : [{ ...found, target }];
  });
  return { rows, truncated: raw.length >= limit };
}

/**
 * One page newest first, merged across targets, keyset after `after`. Each target returns its
 * newest `size + 1` rows (Insights sorts by @timestamp only). A target that had more rows may have
 * left out some rows of its oldest millisecond, so only rows newer than every such target's oldest
 * returned row are safe to show; the page may then be short, never wrong. When nothing is safe
 * (one millisecond holds a whole page), that millisecond is read exactly, in request-id order.
 */
export async function searchPage(
  runner: QueryRunner,
  filter: LogFilter,
  after: Keyset | undefined,
  size: number,
  signal: AbortSignal | undefined,
  remember: (rows: Located[]) => void,
): Promise<LogPage> {
  const first = await runner.fanOut(signal, (t) =>
    rowsOf(runner, t, searchQuery(filter, after, size + 1), filter, size + 1, signal),
  );
  const notices = first.notices;
  const all = first.results.flatMap((r) => r.value.rows);
  const cuts = first.results
    .filter((r) => r.value.truncated && r.value.rows.length > 0)
    .map((r) => Math.min(...r.value.rows.map((row) => row.t)));
  const boundary = cuts.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...cuts);
  let safe = all.filter((r) => r.t > boundary).sort(byKeysetDesc);
  let more = cuts.length > 0 || safe.length > size;

  if (safe.length === 0 && cuts.length > 0) {
    const ties = await runner.fanOut(signal, (t) =>
      rowsOf(runner, t, tieQuery(filter, boundary, after, size + 1), filter, size + 1, signal),
    );
    notices.push(...ties.notices.filter((n) => !notices.includes(n)));
    safe = ties.results.flatMap((r) => r.value.rows).sort(byKeysetDesc);
    // Older milliseconds may still hold rows, so a cursor follows even when the tie group is exhausted.
    more = true;
  }

  const page = safe.slice(0, size);
  remember(page);
  const last = page.at(-1);
  const skipped = page.filter((r) => r.record === null).length;
  if (skipped > 0) notices.push(`${skipped} log event(s) on this page are not readable invocation records and are not shown.`);
  return {
    items: page.flatMap((r) => (r.record === null ? [] : [toSummary(r.record)])),
    nextCursor: more && last !== undefined ? encodeCursor({ t: last.t, id: last.id }) : null,
    ...noticeOf(notices),
  };
}

/** Where a record was seen, so `get` can query one log group over a two-second window. */
export type Sighting = { t: number; target: string };
export const sightingOf = (r: Located): Sighting => ({ t: r.t, target: targetKey(r.target) });
