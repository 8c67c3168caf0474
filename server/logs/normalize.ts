import "server-only";
import { deriveGuardrail } from "./guardrail";
import { parsePrincipal } from "./principal";
import { rawRecordSchema, type InvocationRecord, type RawRecord } from "./record";
import { extractPrompt, extractResponse } from "./text";
import { deriveLatency, deriveTokens } from "./usage";
import { isObject } from "./values";

// AWS writes second-precision UTC ("2024-01-15T12:00:00Z"); a zone is required so local time never leaks in.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export type NormalizeResult = { ok: true; record: InvocationRecord } | { ok: false; reason: string };

function fail(reason: string): NormalizeResult {
  return { ok: false, reason };
}

/** Caller-supplied tags; non-string values are kept as their JSON text rather than failing the record. */
function metadataOf(raw: RawRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw.requestMetadata ?? {})) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

function byteSize(body: unknown): number {
  return body === undefined || body === null ? 0 : Buffer.byteLength(JSON.stringify(body), "utf8");
}

/**
 * `measureBodies: false` skips the body sizes (a second serialisation of every body, the
 * normaliser's largest cost); bulk import stores the raw line and measures when a record is read.
 */
export type NormalizeOptions = { measureBodies?: boolean };

function build(raw: unknown, options: NormalizeOptions): NormalizeResult {
  if (!isObject(raw)) return fail(`not a JSON object (${Array.isArray(raw) ? "array" : typeof raw})`);
  if (raw.schemaType !== "ModelInvocationLog") return fail("schemaType is not ModelInvocationLog");
  const parsed = rawRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`invalid field ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "unknown"}`);
  }
  const r = parsed.data;
  // The stores key on requestId and index on time; without either the record cannot be placed.
  if (!r.requestId) return fail("missing requestId");
  if (!r.timestamp) return fail("missing timestamp");
  const time = ISO_TIME.test(r.timestamp) ? Date.parse(r.timestamp) : Number.NaN;
  if (Number.isNaN(time)) return fail(`unparseable timestamp ${JSON.stringify(r.timestamp.slice(0, 40))}`);

  const inputBody = r.input?.inputBodyJson ?? null;
  const outputBody = r.output?.outputBodyJson ?? null;
  const region = r.region ?? null;
  const inferenceRegion = r.inferenceRegion ?? null;
  return {
    ok: true,
    record: {
      id: r.requestId,
      timestamp: new Date(time).toISOString(),
      accountId: r.accountId ?? null,
      region,
      inferenceRegion,
      crossRegion: inferenceRegion !== null && inferenceRegion !== region,
      modelId: r.modelId ?? null,
      operation: r.operation ?? null,
      principal: parsePrincipal(r.identity?.arn),
      error: r.errorCode ? { code: r.errorCode, message: r.errorMessage ?? null } : null,
      latencyMs: deriveLatency(r),
      tokens: deriveTokens(r),
      guardrail: deriveGuardrail(outputBody, inputBody),
      requestMetadata: metadataOf(r),
      promptText: extractPrompt(inputBody),
      responseText: extractResponse(outputBody),
      bodyS3Paths: { input: r.input?.inputBodyS3Path ?? null, output: r.output?.outputBodyS3Path ?? null },
      bytes:
        options.measureBodies === false ? { input: 0, output: 0 } : { input: byteSize(inputBody), output: byteSize(outputBody) },
      inputBody,
      outputBody,
    },
  };
}

/** One parsed JSON value → a normalised record, or the reason it cannot be one. Never throws. */
export function normalizeRecord(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
  try {
    return build(raw, options);
  } catch (error) {
    // Only reachable for values JSON.parse cannot produce (cycles, BigInt); keep the contract anyway.
    return fail(`cannot normalise: ${error instanceof Error ? error.message : String(error)}`);
  }
}
