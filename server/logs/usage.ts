import "server-only";
import type { RawRecord, Tokens } from "./record";
import { asNumber, dig, isObject } from "./values";

const METRICS_KEY = "amazon-bedrock-invocationMetrics";

function first(...values: unknown[]): number | undefined {
  for (const value of values) {
    const n = asNumber(value);
    if (n !== undefined && n >= 0) return n;
  }
  return undefined;
}

/** Bedrock's own metrics object: on the final stream chunk, or on an InvokeModel body. */
function invocationMetrics(body: unknown): unknown {
  if (!Array.isArray(body)) return dig(body, METRICS_KEY);
  for (let i = body.length - 1; i >= 0; i--) {
    const metrics = dig(body[i], METRICS_KEY);
    if (isObject(metrics)) return metrics;
  }
  return undefined;
}

/**
 * Token counts: the record's own counts first, then the body's usage (Converse camelCase,
 * Anthropic snake_case) or stream metrics. Missing counts default to 0 (bedrock-formats.md C2).
 */
export function deriveTokens(record: RawRecord): Tokens {
  const body = record.output?.outputBodyJson;
  const usage = dig(body, "usage");
  const metrics = invocationMetrics(body);
  const input = record.input;
  return {
    input:
      first(input?.inputTokenCount, dig(usage, "inputTokens"), dig(usage, "input_tokens"), dig(metrics, "inputTokenCount")) ?? 0,
    output:
      first(
        record.output?.outputTokenCount,
        dig(usage, "outputTokens"),
        dig(usage, "output_tokens"),
        dig(metrics, "outputTokenCount"),
      ) ?? 0,
    cacheRead:
      first(input?.cacheReadInputTokenCount, dig(usage, "cacheReadInputTokens"), dig(usage, "cache_read_input_tokens")) ?? 0,
    cacheWrite:
      first(input?.cacheWriteInputTokenCount, dig(usage, "cacheWriteInputTokens"), dig(usage, "cache_creation_input_tokens")) ??
      0,
  };
}

/** Latency in ms: Converse `metrics.latencyMs`, else Bedrock's `invocationLatency`; null when not logged. */
export function deriveLatency(record: RawRecord): number | null {
  const body = record.output?.outputBodyJson;
  return first(dig(body, "metrics", "latencyMs"), dig(invocationMetrics(body), "invocationLatency")) ?? null;
}
