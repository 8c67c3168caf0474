import "server-only";
import { setMaxListeners } from "node:events";
import { Semaphore } from "@/server/sources/aws/concurrency";
import { TtlCache } from "./cache";
import {
  DEFAULT_RUN_OPTIONS,
  LogQueryError,
  runQuery,
  targetKey,
  type LogTarget,
  type QuerySpec,
  type Row,
  type RunOptions,
} from "./run-query";
import type { TargetSource } from "./targets";

export type QueryRunnerOptions = {
  run?: Partial<Omit<RunOptions, "signal">>;
  /** How long an answer is reused (paging back, a second widget with the same filter). */
  cacheTtlMs?: number;
  cacheEntries?: number;
  /** Insights queries this store runs at once, across targets (AWS allows 100 per account and region). */
  maxConcurrentQueries?: number;
};

type PerTarget<T> = { target: LogTarget; value: T };

/** The answers of the targets that answered, and notices for the ones that were skipped or failed. */
export type FanOut<T> = { results: PerTarget<T>[]; notices: string[] };

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException("The query was cancelled.", "AbortError");
}

/**
 * Runs queries against every discovered target, through a short-lived answer cache and a bound on
 * concurrent Insights queries. One target failing becomes a notice; all of them failing is an error.
 */
export class QueryRunner {
  private readonly cache: TtlCache<Row[]>;
  private readonly slots: Semaphore;
  private readonly run: Omit<RunOptions, "signal">;

  constructor(
    readonly targets: TargetSource,
    options: QueryRunnerOptions = {},
  ) {
    this.cache = new TtlCache(options.cacheTtlMs ?? 60_000, options.cacheEntries ?? 200);
    this.slots = new Semaphore(options.maxConcurrentQueries ?? 16);
    this.run = { ...DEFAULT_RUN_OPTIONS, ...options.run };
  }

  /** One query on one target; the cache key is the query text, the target and the time window. */
  query(target: LogTarget, spec: QuerySpec, signal?: AbortSignal): Promise<Row[]> {
    const key = JSON.stringify([targetKey(target), spec.query, spec.startTime, spec.endTime, spec.limit]);
    return this.cache.get(key, async () => {
      await this.slots.acquire();
      try {
        signal?.throwIfAborted();
        return await runQuery(target, spec, { ...this.run, signal });
      } finally {
        this.slots.release();
      }
    });
  }

  async fanOut<T>(signal: AbortSignal | undefined, fn: (target: LogTarget) => Promise<T>): Promise<FanOut<T>> {
    // Every query of a request listens on the request's signal; dozens at once are expected.
    if (signal) setMaxListeners(1_000, signal);
    const { targets, skipped } = await this.targets.discover(signal);
    const notices = skipped.length > 0 ? [`Not searched: ${skipped.join("; ")}.`] : [];
    const settled = await Promise.allSettled(targets.map(fn));
    if (signal?.aborted) throw abortError(signal);
    const results: PerTarget<T>[] = [];
    const failures: unknown[] = [];
    settled.forEach((s, i) => {
      const target = targets[i] as LogTarget;
      if (s.status === "fulfilled") results.push({ target, value: s.value });
      else failures.push(s.reason);
    });
    if (failures.length > 0 && results.length === 0) throw failures[0];
    for (const failure of failures) {
      notices.push(`Partial answer: ${failure instanceof LogQueryError ? failure.message : String(failure)}`);
    }
    return { results, notices };
  }

  clear(): void {
    this.cache.clear();
  }
}

/** The store's notice text: absent when the answer is complete. */
export function noticeOf(notices: string[]): { notice?: string } {
  return notices.length === 0 ? {} : { notice: notices.join(" ") };
}
