import "server-only";
import { z } from "zod";
import { ValidationError } from "@/server/http/errors";
import { normalizeRecord } from "../normalize";
import type { InvocationRecord } from "../record";
import { RULES } from "./literals";
import type { Keyset } from "./compile";
import type { Row } from "./run-query";

/** Insights prints times as "2024-01-15 12:00:00.000" in UTC; null when a value is not one. */
export function parseInsightsTime(value: string | undefined): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)Z?$/.exec(value ?? "");
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}Z`);
  return Number.isNaN(t) ? null : t;
}

/** One search row: its keyset position and the record normalised from the raw event. */
export type FoundRow = { t: number; id: string; record: InvocationRecord | null };

/**
 * A row of `fields @timestamp, requestId, @message`. The raw event is untrusted JSON: it goes through
 * the normaliser like an imported line, and a row it rejects keeps its place but has no record.
 */
export function foundRow(row: Row): FoundRow | null {
  const t = parseInsightsTime(row["@timestamp"]);
  const id = row.requestId;
  if (t === null || id === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(row["@message"] ?? "");
  } catch {
    return { t, id, record: null };
  }
  const result = normalizeRecord(raw);
  return { t, id, record: result.ok ? result.record : null };
}

/** Newest first; the request id breaks ties, as in the embedded store's (ts, seq) order. */
export const byKeysetDesc = (a: { t: number; id: string }, b: { t: number; id: string }) =>
  b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const cursorSchema = z.strictObject({
  t: z.number().int().nonnegative(),
  id: z.string().regex(RULES.requestId.pattern),
});
const MAX_CURSOR_CHARS = 400;

/** Opaque to clients: base64url JSON of the last row's event time and request id. */
export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify({ t: k.t, id: k.id }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Keyset {
  const invalid = () => new ValidationError("The page cursor is not valid; start again from the first page.");
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw invalid();
  return parsed.data;
}
