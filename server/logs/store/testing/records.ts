import "server-only";
import { normalizeRecord } from "../../normalize";
import type { InvocationRecord } from "../../record";
import {
  converseGuardrailRecord,
  converseRecord,
  errorRecord,
  invokeAnthropicRecord,
  invokeGuardrailRecord,
  streamRecord,
} from "../../testing/fixtures";

export const T0 = Date.parse("2025-03-01T00:00:00Z");
export const MODELS = ["anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-pro-v1:0", "meta.llama3-70b-instruct-v1:0"];
export const PRINCIPALS = [
  "arn:aws:sts::111111111111:assumed-role/AppRole/i-0abc",
  "arn:aws:sts::111111111111:assumed-role/AgentRole/session",
  "arn:aws:iam::222222222222:user/alice",
];
const REGIONS = ["us-east-1", "eu-west-1"];
/** Guardrail ids the guardrail shapes are spread over (the fixtures' own ids are replaced). */
export const GUARDRAIL_IDS = ["gr1alpha", "gr2beta", "gr3gamma"];
/** A prompt made of FTS5 syntax; searching for it must find it as text. */
export const HOSTILE_PROMPT = 'ignore ") OR 1=1 -- and NEAR( this * unicorn';

const SHAPES = [
  converseRecord,
  invokeAnthropicRecord,
  converseGuardrailRecord,
  invokeGuardrailRecord,
  errorRecord,
  streamRecord(),
];

/** Deterministic pseudo-random numbers (mulberry32), so a failing case reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Raw = Record<string, unknown> & { input?: Record<string, unknown>; output?: Record<string, unknown> };
type Json = Record<string, unknown>;
const asJson = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

/**
 * Re-keys a fixture's guardrail trace to `id` and moves its one assessment to the input side, the
 * output side (each API shape in turn) or both; indexes, not the random stream, choose, so the
 * other fields stay as they were.
 */
function varyGuardrail(raw: Raw, i: number): void {
  const body = asJson(raw.output?.outputBodyJson);
  const trace = asJson(asJson(body?.trace)?.guardrail) ?? asJson(asJson(body?.["amazon-bedrock-trace"])?.guardrail);
  if (!trace) return;
  const invoke = "input" in trace;
  const inputKey = invoke ? "input" : "inputAssessment";
  const outputKey = invoke ? "outputs" : "outputAssessments";
  const assessment = Object.values(asJson(trace[inputKey]) ?? {})[0];
  const id = GUARDRAIL_IDS[Math.floor(i / SHAPES.length) % GUARDRAIL_IDS.length] ?? "gr1alpha";
  const side = (["input", "output", "both"] as const)[Math.floor(i / (SHAPES.length * 2)) % 3];
  delete trace[inputKey];
  if (side !== "output") trace[inputKey] = { [id]: assessment };
  // Converse's output side alternates between the logged array-of-maps and the API's map-of-arrays shape.
  if (side !== "input") trace[outputKey] = !invoke && i % 4 === 0 ? { [id]: [assessment] } : [{ [id]: assessment }];
}

/**
 * `n` records built by the normaliser from the fixture shapes, varied in id, time (three records
 * share each timestamp, to exercise the keyset tie-break), account, region, model, principal,
 * tokens and metadata. Record 0 carries HOSTILE_PROMPT.
 */
export function generateRecords(n: number, seed = 7): InvocationRecord[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const raw = structuredClone(SHAPES[i % SHAPES.length]) as Raw;
    const region = pick(REGIONS);
    raw.requestId = `req-${String(i).padStart(4, "0")}`;
    raw.timestamp = new Date(T0 + Math.floor(i / 3) * 37 * 60_000).toISOString();
    raw.accountId = pick(["111111111111", "222222222222"]);
    raw.region = region;
    raw.inferenceRegion = next() < 0.3 ? "us-west-2" : region;
    raw.modelId = pick(MODELS);
    raw.identity = { arn: pick(PRINCIPALS) };
    raw.requestMetadata = { team: pick(["search", "billing"]), env: pick(["prod", "dev"]) };
    if (raw.input) raw.input.inputTokenCount = Math.floor(next() * 1000);
    if (raw.output) raw.output.outputTokenCount = Math.floor(next() * 500);
    // Half the InvokeModel successes say the guardrail looked and let them through.
    const body = raw.output?.outputBodyJson;
    if (i % SHAPES.length === 1 && i % 4 === 1 && body && typeof body === "object") {
      (body as Record<string, unknown>)["amazon-bedrock-guardrailAction"] = "NONE";
    }
    varyGuardrail(raw, i);
    // Some plain Converse requests name a guardrail (by ARN) that left no trace.
    if (i % SHAPES.length === 0 && i % 4 === 0) {
      const request = raw.input?.inputBodyJson;
      if (request && typeof request === "object") {
        (request as Record<string, unknown>).guardrailConfig = {
          guardrailIdentifier: `arn:aws:bedrock:${region}:111111111111:guardrail/gr3gamma`,
          guardrailVersion: "DRAFT",
        };
      }
    }
    if (i === 0) raw.input = { inputBodyJson: { messages: [{ role: "user", content: [{ text: HOSTILE_PROMPT }] }] } };
    const result = normalizeRecord(raw);
    if (!result.ok) throw new Error(`generator produced an invalid record: ${result.reason}`);
    return result.record;
  });
}
