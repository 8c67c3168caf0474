import "server-only";
import type { Part } from "@/server/inventory/part";

export type CollectContext = { accountId: string; region: string; signal?: AbortSignal };

/** A section of the raw inventory: every part present, each validated later by `parseInventory`. */
export type RawSection<K extends string> = Record<K, Part<unknown>>;

/** Per-service cap on concurrent calls: enough to hide latency, low enough not to trip throttling. */
export const PER_SERVICE_CONCURRENCY = 8;

/** SDK output → plain JSON data for the inventory: Dates become ISO strings, undefined fields vanish. */
export function jsonify(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonify);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "$metadata" || v === undefined) continue;
      out[k] = jsonify(v);
    }
    return out;
  }
  return value;
}

/** Drains an SDK paginator (which follows the operation's own token fields) into one list. */
export async function drain<P, T>(pages: AsyncIterable<P>, itemsOf: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(itemsOf(page) ?? []));
  return all;
}

/**
 * Two calls started together, awaited as if they had run in turn: when both fail, the first one's
 * failure is the one reported (so a part names the same denied action whichever answered first).
 */
export async function inOrder<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  second.catch(() => undefined);
  return [await first, await second];
}

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
