import "server-only";
import type { Facets, LogFilter, LogPage, TimeBucket, Timeseries } from "@/lib/schemas/logs";
import type { InvocationRecord } from "../record";

/** Answers the typed filter; route handlers depend on this, not on an engine. Implemented by the embedded SQLite store and CloudWatch Logs Insights. */
export interface LogStore {
  /** Newest first; `cursor` is the previous page's `nextCursor`. The total is `count`, kept separate. */
  search(filter: LogFilter, cursor?: string, limit?: number, options?: QueryOptions): Promise<LogPage>;
  count(filter: LogFilter, options?: QueryOptions): Promise<number>;
  get(id: string, options?: QueryOptions): Promise<InvocationRecord | undefined>;
  facets(filter: LogFilter, options?: QueryOptions): Promise<Facets>;
  timeseries(filter: LogFilter, bucket: TimeBucket, options?: QueryOptions): Promise<Timeseries>;
}

/** `signal`: the caller went away (e.g. the browser closed the request); a remote query is cancelled. */
export type QueryOptions = { signal?: AbortSignal };

/** The embedded store also takes records (import, demo); CloudWatch is read-only. */
export interface WritableLogStore extends LogStore {
  /** Idempotent on record id: a record already stored counts as skipped. */
  insert(records: InvocationRecord[]): Promise<{ inserted: number; skipped: number }>;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Values per facet, most frequent first. */
export const FACET_LIMIT = 50;
