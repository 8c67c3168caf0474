import "server-only";
import type { Facets, LogFilter, LogPage, TimeBucket, TimeseriesPoint } from "@/lib/schemas/logs";
import type { InvocationRecord } from "../record";

/** @public Answers the typed filter (route handlers will depend on this, not on an engine); implemented by the embedded SQLite store and (later) CloudWatch Logs Insights. */
export interface LogStore {
  /** Newest first; `cursor` is the previous page's `nextCursor`. The total is `count`, kept separate. */
  search(filter: LogFilter, cursor?: string, limit?: number): Promise<LogPage>;
  count(filter: LogFilter): Promise<number>;
  get(id: string): Promise<InvocationRecord | undefined>;
  facets(filter: LogFilter): Promise<Facets>;
  timeseries(filter: LogFilter, bucket: TimeBucket): Promise<TimeseriesPoint[]>;
}

/** The embedded store also takes records (import, demo); CloudWatch is read-only. */
export interface WritableLogStore extends LogStore {
  /** Idempotent on record id: a record already stored counts as skipped. */
  insert(records: InvocationRecord[]): Promise<{ inserted: number; skipped: number }>;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Values per facet, most frequent first. */
export const FACET_LIMIT = 50;
