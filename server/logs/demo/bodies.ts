import "server-only";
import type { ModelChoice } from "./models";
import { Rng, seedOf } from "./random";

// Request and response bodies as each operation logs them (bedrock-formats.md 1.3–1.6); provider
// bodies follow the model-parameters pages the normaliser's text extraction is written against.

export type Operation = "Converse" | "ConverseStream" | "InvokeModel" | "InvokeModelWithResponseStream";

export type Call = {
  op: Operation;
  model: ModelChoice;
  system: string;
  prompt: string;
  /** What the caller got back: the answer, a masked answer or the guardrail's blocked message. */
  shown: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  firstByteMs: number;
  /** Converse request-side guardrail selection (absent when the guardrail is account-enforced). */
  guardrailConfig: { guardrailIdentifier: string; guardrailVersion: string; trace: "enabled" } | null;
  /** The trace object for this operation's shape, or null when not traced. */
  trace: Record<string, unknown> | null;
  intervened: boolean;
  /** A trailing non-object element in the stream chunk array (seen in the Elastic fixtures). */
  streamSentinel: boolean;
};

const ACTION = "amazon-bedrock-guardrailAction";
const TRACE = "amazon-bedrock-trace";
const METRICS = "amazon-bedrock-invocationMetrics";
const EMBEDDING_DIMENSIONS = 256;

let vectors: number[][] | undefined;
/** A few fixed vectors shared by every embedding record: generating floats per record would dominate the cost. */
function embeddingVectors(): number[][] {
  if (vectors) return vectors;
  const rng = new Rng(seedOf("halcyon-embeddings"));
  vectors = Array.from({ length: 16 }, () =>
    Array.from({ length: EMBEDDING_DIMENSIONS }, () => Math.round((rng.float() * 2 - 1) * 10_000) / 10_000),
  );
  return vectors;
}

function llamaPrompt(system: string, prompt: string): string {
  const sys = system ? `<|start_header_id|>system<|end_header_id|>\n\n${system}<|eot_id|>` : "";
  return `<|begin_of_text|>${sys}<|start_header_id|>user<|end_header_id|>\n\n${prompt}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n`;
}

export function inputBody(call: Call, maxTokens: number): Record<string, unknown> {
  const { system, prompt, model } = call;
  if (call.op === "Converse" || call.op === "ConverseStream") {
    const body: Record<string, unknown> = {
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens, temperature: 0.2, topP: 0.9 },
    };
    if (system) body.system = [{ text: system }];
    if (call.guardrailConfig) body.guardrailConfig = call.guardrailConfig;
    return body;
  }
  switch (model.family) {
    case "anthropic":
      return {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: maxTokens,
        ...(system ? { system } : {}),
        messages: [{ role: "user", content: [{ type: "text", text: prompt }] }],
        temperature: 0.2,
      };
    case "nova":
      return {
        schemaVersion: "messages-v1",
        ...(system ? { system: [{ text: system }] } : {}),
        messages: [{ role: "user", content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens, temperature: 0.2 },
      };
    case "llama":
      return { prompt: llamaPrompt(system, prompt), max_gen_len: maxTokens, temperature: 0.2, top_p: 0.9 };
    case "mistral":
      return { prompt: `<s>[INST] ${prompt} [/INST]`, max_tokens: maxTokens, temperature: 0.7 };
    case "titanEmbed":
      return { inputText: prompt, dimensions: EMBEDDING_DIMENSIONS, normalize: true };
    case "cohereEmbed":
      return { texts: [prompt], input_type: "search_document", truncate: "END" };
  }
}

function guardrailKeys(call: Call): Record<string, unknown> {
  if (!call.trace) return {};
  return { [ACTION]: call.intervened ? "INTERVENED" : "NONE", [TRACE]: call.trace };
}

function invokeOutput(call: Call, rng: Rng): Record<string, unknown> {
  const { model, shown, inputTokens, outputTokens } = call;
  switch (model.family) {
    case "anthropic":
      return {
        id: `msg_bdrk_01${rng.hex(22)}`,
        type: "message",
        role: "assistant",
        model: model.apiName,
        content: [{ type: "text", text: shown }],
        stop_reason: call.stopReason,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
        ...guardrailKeys(call),
      };
    case "nova":
      return {
        output: { message: { role: "assistant", content: [{ text: shown }] } },
        stopReason: call.stopReason,
        usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
        ...guardrailKeys(call),
      };
    case "llama":
      return {
        generation: shown,
        prompt_token_count: inputTokens,
        generation_token_count: outputTokens,
        stop_reason: call.stopReason === "max_tokens" ? "length" : "stop",
        ...guardrailKeys(call),
      };
    case "mistral":
      return { outputs: [{ text: shown, stop_reason: "stop" }], ...guardrailKeys(call) };
    case "titanEmbed":
      return { embedding: rng.pick(embeddingVectors()), inputTextTokenCount: inputTokens };
    case "cohereEmbed":
      return {
        id: rng.uuid(),
        texts: [call.prompt],
        embeddings: [rng.pick(embeddingVectors())],
        response_type: "embeddings_floats",
      };
  }
}

/** Cuts text into a few deltas at word boundaries, as a stream would deliver it. */
function pieces(text: string, rng: Rng): string[] {
  const count = Math.min(rng.between(3, 7), Math.max(1, Math.floor(text.length / 8)));
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < count; i++) {
    const cut = text.indexOf(" ", Math.floor((text.length * i) / count));
    if (cut <= start) continue;
    out.push(text.slice(start, cut));
    start = cut;
  }
  out.push(text.slice(start));
  return out;
}

function streamOutput(call: Call, rng: Rng): unknown[] {
  const { model, inputTokens, outputTokens } = call;
  const metrics = {
    inputTokenCount: inputTokens,
    outputTokenCount: outputTokens,
    invocationLatency: call.latencyMs,
    firstByteLatency: call.firstByteMs,
  };
  const deltas = pieces(call.shown, rng);
  const chunks: Record<string, unknown>[] = [];
  if (model.family === "llama") {
    for (const text of deltas)
      chunks.push({ generation: text, prompt_token_count: null, generation_token_count: 1, stop_reason: null });
    chunks.push({
      generation: "",
      prompt_token_count: inputTokens,
      generation_token_count: outputTokens,
      stop_reason: "stop",
      [METRICS]: metrics,
    });
  } else if (model.family === "mistral") {
    for (const text of deltas) chunks.push({ outputs: [{ text, stop_reason: null }] });
    chunks.push({ outputs: [{ text: "", stop_reason: "stop" }], [METRICS]: metrics });
  } else {
    chunks.push({
      type: "message_start",
      message: {
        id: `msg_bdrk_01${rng.hex(22)}`,
        type: "message",
        role: "assistant",
        content: [],
        model: model.apiName,
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: 1 },
      },
    });
    chunks.push({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    for (const text of deltas) chunks.push({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } });
    chunks.push({ type: "content_block_stop", index: 0 });
    chunks.push({
      type: "message_delta",
      delta: { stop_reason: call.stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    });
    chunks.push({ type: "message_stop", [METRICS]: metrics });
  }
  const last = chunks[chunks.length - 1] ?? {};
  if (call.trace) {
    // The action can sit on a delta chunk and on the final one; the trace only on the last (bedrock-formats.md 1.5).
    const lastDelta = chunks[chunks.length - (model.family === "anthropic" ? 4 : 2)];
    if (call.intervened && lastDelta) lastDelta[ACTION] = "INTERVENED";
    last[ACTION] = call.intervened ? "INTERVENED" : "NONE";
    last[TRACE] = call.trace;
  }
  const out: unknown[] = chunks;
  if (call.streamSentinel) out.push("[DONE]");
  return out;
}

export function outputBody(call: Call, rng: Rng): unknown {
  if (call.op === "InvokeModel") return invokeOutput(call, rng);
  if (call.op === "InvokeModelWithResponseStream") return streamOutput(call, rng);
  const body: Record<string, unknown> = {
    output: { message: { role: "assistant", content: [{ text: call.shown }] } },
    stopReason: call.stopReason,
    metrics: { latencyMs: call.latencyMs },
    usage: { inputTokens: call.inputTokens, outputTokens: call.outputTokens, totalTokens: call.inputTokens + call.outputTokens },
  };
  if (call.trace) body.trace = call.trace;
  return body;
}
