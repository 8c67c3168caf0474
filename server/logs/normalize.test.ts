import { describe, expect, it } from "vitest";
import { normalizeRecord } from "./normalize";
import type { InvocationRecord } from "./record";
import {
  converseGuardrailRecord,
  converseRecord,
  errorRecord,
  invokeAnthropicRecord,
  invokeGuardrailRecord,
  streamChunks,
  streamRecord,
} from "./testing/fixtures";

function normalized(raw: unknown): InvocationRecord {
  const result = normalizeRecord(raw);
  if (!result.ok) throw new Error(`expected a record, got: ${result.reason}`);
  return result.record;
}

function reasonFor(raw: unknown): string {
  const result = normalizeRecord(raw);
  if (result.ok) throw new Error("expected a failure");
  return result.reason;
}

/** Rebuilds an object with its keys (recursively) in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe("normalizeRecord: one test per record shape", () => {
  it("Converse (Example A)", () => {
    const r = normalized(converseRecord);
    expect(r).toMatchObject({
      id: "9b6c3dc7-5ace-4a53-94f4-8dd7e551f41a",
      timestamp: "2024-11-20T16:47:52.000Z",
      accountId: "891377031307",
      region: "us-east-1",
      inferenceRegion: null,
      crossRegion: false,
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      operation: "Converse",
      principal: { type: "iam-user", user: "shashank", account: "891377031307" },
      error: null,
      latencyMs: 2435,
      tokens: { input: 16, output: 82, cacheRead: 0, cacheWrite: 0 },
      guardrail: { action: null, source: null, policyTypes: [], side: null, id: null },
      requestMetadata: {},
      promptText: "\nTEsting the model\n    ",
      responseText: "I understand you are testing the model. ...",
      bodyS3Paths: { input: null, output: null },
    });
    expect(r.inputBody).toBe(converseRecord.input.inputBodyJson);
    expect(r.bytes.input).toBe(Buffer.byteLength(JSON.stringify(converseRecord.input.inputBodyJson)));
    expect(r.bytes.output).toBe(Buffer.byteLength(JSON.stringify(converseRecord.output.outputBodyJson)));
  });

  it("ConverseStream (aggregated output, logged like Converse)", () => {
    const r = normalized({ ...converseRecord, operation: "ConverseStream" });
    expect(r).toMatchObject({
      operation: "ConverseStream",
      latencyMs: 2435,
      responseText: "I understand you are testing the model. ...",
    });
  });

  it("InvokeModel with an Anthropic body (Example B)", () => {
    expect(normalized(invokeAnthropicRecord)).toMatchObject({
      operation: "InvokeModel",
      principal: { type: "assumed-role", role: "AgentRole", session: "session", account: "123456789012" },
      latencyMs: null,
      tokens: { input: 859, output: 15, cacheRead: 0, cacheWrite: 0 },
      promptText: "You are a helpful agent who can perform basic mathematics...\nWhat is 2 + 2?",
      responseText: "<answer>2 + 2 = 4",
    });
  });

  it("Converse with a guardrail intervention (Example C1)", () => {
    expect(normalized(converseGuardrailRecord)).toMatchObject({
      accountId: "13457018785544",
      tokens: { input: 0, output: 0 },
      latencyMs: 271,
      guardrail: {
        action: "INTERVENED",
        source: "stopReason",
        policyTypes: ["content", "topic"],
        side: "input",
        id: "l7n9e426howe",
      },
    });
  });

  it("Converse naming its guardrail by ARN in the request, without a trace", () => {
    const identifier = "arn:aws:bedrock:us-east-1:891377031307:guardrail/q2w3e4r5t6y7";
    const input = {
      ...converseRecord.input,
      inputBodyJson: {
        ...converseRecord.input.inputBodyJson,
        guardrailConfig: { guardrailIdentifier: identifier, guardrailVersion: "1" },
      },
    };
    const output = {
      ...converseRecord.output,
      outputBodyJson: { ...converseRecord.output.outputBodyJson, stopReason: "guardrail_intervened" },
    };
    expect(normalized({ ...converseRecord, input, output }).guardrail).toEqual({
      action: "INTERVENED",
      source: "stopReason",
      policyTypes: [],
      side: null,
      id: "q2w3e4r5t6y7",
    });
  });

  it("InvokeModelWithResponseStream takes the guardrail id from the last chunk's trace", () => {
    const assessment = { wordPolicy: { customWords: [{ match: "x", action: "BLOCKED" }] } };
    const chunks = [
      { type: "message_start" },
      {
        type: "message_stop",
        "amazon-bedrock-guardrailAction": "INTERVENED",
        "amazon-bedrock-trace": { guardrail: { input: {}, outputs: [{ s7d8f9g0h1j2: assessment }] } },
      },
    ];
    expect(normalized(streamRecord(chunks)).guardrail).toMatchObject({
      action: "INTERVENED",
      side: "output",
      id: "s7d8f9g0h1j2",
    });
  });

  it("InvokeModel with a guardrail intervention and no token counts (Example C2)", () => {
    expect(normalized(invokeGuardrailRecord)).toMatchObject({
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      principal: { role: "role_details", session: "suspicious.user" },
      guardrail: { action: "INTERVENED", source: "guardrailAction", policyTypes: ["content"], side: "input", id: "h28wrktbwagn" },
      responseText: "You shouldn't ask this question",
    });
  });

  it("an error record without output (Example D)", () => {
    expect(normalized(errorRecord)).toMatchObject({
      error: { code: "ValidationException", message: null },
      responseText: "",
      outputBody: null,
      bytes: { output: 0 },
      tokens: { input: 0, output: 0 },
      latencyMs: null,
    });
    expect(normalized({ ...errorRecord, errorMessage: "max_tokens too large" }).error).toEqual({
      code: "ValidationException",
      message: "max_tokens too large",
    });
  });

  it("InvokeModelWithResponseStream: tokens and latency from the final chunk's metrics", () => {
    expect(normalized(streamRecord())).toMatchObject({
      operation: "InvokeModelWithResponseStream",
      tokens: { input: 571, output: 281 },
      latencyMs: 3848,
      responseText: "The",
      promptText: "Explain streaming.",
    });
  });

  it("InvokeModelWithResponseStream with non-object chunks", () => {
    const r = normalized(streamRecord([...streamChunks, "[DONE]", null, 3, ["nested"]]));
    expect(r).toMatchObject({ tokens: { input: 571, output: 281 }, latencyMs: 3848, responseText: "The" });
  });

  it("bodies offloaded to S3: no text, the paths kept", () => {
    const prefix = "s3://logs/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2025/01/09/18/data";
    const raw = {
      ...invokeAnthropicRecord,
      input: { inputContentType: "application/json", inputBodyS3Path: `${prefix}/x_input.json.gz`, inputTokenCount: 90000 },
      output: { outputContentType: "application/json", outputBodyS3Path: `${prefix}/x_output.json.gz`, outputTokenCount: 10 },
    };
    expect(normalized(raw)).toMatchObject({
      promptText: "",
      responseText: "",
      inputBody: null,
      outputBody: null,
      bytes: { input: 0, output: 0 },
      bodyS3Paths: { input: `${prefix}/x_input.json.gz`, output: `${prefix}/x_output.json.gz` },
      tokens: { input: 90000, output: 10 },
    });
  });
});

describe("normalizeRecord: derived fields", () => {
  it("marks cross-region inference only when inferenceRegion differs from region", () => {
    expect(normalized({ ...converseRecord, inferenceRegion: "us-west-2" })).toMatchObject({
      inferenceRegion: "us-west-2",
      crossRegion: true,
    });
    expect(normalized({ ...converseRecord, inferenceRegion: "us-east-1" }).crossRegion).toBe(false);
  });

  it("reads cache tokens from the record, else from the body's usage", () => {
    const fromRecord = {
      ...converseRecord,
      input: { ...converseRecord.input, cacheReadInputTokenCount: 120, cacheWriteInputTokenCount: 30 },
    };
    expect(normalized(fromRecord).tokens).toEqual({ input: 16, output: 82, cacheRead: 120, cacheWrite: 30 });

    const { cacheReadInputTokenCount: _r, cacheWriteInputTokenCount: _w, ...input } = converseRecord.input;
    const body = converseRecord.output.outputBodyJson;
    const fromConverseUsage = {
      ...converseRecord,
      input,
      output: {
        ...converseRecord.output,
        outputBodyJson: { ...body, usage: { ...body.usage, cacheReadInputTokens: 7, cacheWriteInputTokens: 9 } },
      },
    };
    expect(normalized(fromConverseUsage).tokens).toMatchObject({ cacheRead: 7, cacheWrite: 9 });

    const anthropic = invokeAnthropicRecord.output.outputBodyJson;
    const fromAnthropicUsage = {
      ...invokeAnthropicRecord,
      output: {
        outputBodyJson: {
          ...anthropic,
          usage: { ...anthropic.usage, cache_read_input_tokens: 5, cache_creation_input_tokens: 6 },
        },
      },
    };
    expect(normalized(fromAnthropicUsage).tokens).toEqual({ input: 859, output: 15, cacheRead: 5, cacheWrite: 6 });
  });

  it("falls back to the body's usage when the record has no token counts", () => {
    const { inputTokenCount: _i, ...input } = converseRecord.input;
    const { outputTokenCount: _o, ...output } = converseRecord.output;
    expect(normalized({ ...converseRecord, input, output }).tokens).toMatchObject({ input: 16, output: 82 });
  });

  it("keeps request metadata, turning non-string values into JSON text and dropping nulls", () => {
    const r = normalized({ ...converseRecord, requestMetadata: { team: "fraud", ticket: 42, flag: true, gone: null } });
    expect(r.requestMetadata).toEqual({ team: "fraud", ticket: "42", flag: "true" });
  });

  it("gives the same record whatever the key order", () => {
    for (const raw of [converseRecord, invokeGuardrailRecord, streamRecord(), errorRecord]) {
      expect(normalized(reversed(raw))).toEqual(normalized(raw));
    }
  });

  it("accepts a record with only the fields it needs, and unknown fields", () => {
    const r = normalized({
      schemaType: "ModelInvocationLog",
      requestId: "r-1",
      timestamp: "2025-01-01T00:00:00.5+02:00",
      status: "Success",
      performanceConfig: { latency: "optimized" },
      somethingNew: [1, 2],
    });
    expect(r).toMatchObject({
      id: "r-1",
      timestamp: "2024-12-31T22:00:00.500Z",
      accountId: null,
      region: null,
      crossRegion: false,
      modelId: null,
      operation: null,
      principal: { arn: null, type: "unknown" },
      error: null,
      latencyMs: null,
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      guardrail: { action: null },
      promptText: "",
      responseText: "",
      bodyS3Paths: { input: null, output: null },
    });
  });

  it("treats null optional fields as missing", () => {
    const r = normalized({ ...converseRecord, inferenceRegion: null, errorCode: null, identity: null, input: null });
    expect(r).toMatchObject({ crossRegion: false, error: null, principal: { type: "unknown" }, promptText: "" });
  });
});

describe("normalizeRecord: what it refuses, with the reason", () => {
  it.each([
    ["a number", 42, "not a JSON object (number)"],
    ["null", null, "not a JSON object (object)"],
    ["an array", [converseRecord], "not a JSON object (array)"],
    ["another schemaType", { ...converseRecord, schemaType: "Other" }, "schemaType is not ModelInvocationLog"],
    ["no schemaType", { requestId: "x" }, "schemaType is not ModelInvocationLog"],
    ["no requestId", { ...converseRecord, requestId: undefined }, "missing requestId"],
    ["an empty timestamp", { ...converseRecord, timestamp: "" }, "missing timestamp"],
    ["a free-text timestamp", { ...converseRecord, timestamp: "yesterday" }, 'unparseable timestamp "yesterday"'],
    [
      "a timestamp without zone",
      { ...converseRecord, timestamp: "2024-11-20T16:47:52" },
      'unparseable timestamp "2024-11-20T16:47:52"',
    ],
    [
      "an impossible date",
      { ...converseRecord, timestamp: "2024-13-45T16:47:52Z" },
      'unparseable timestamp "2024-13-45T16:47:52Z"',
    ],
    ["a numeric timestamp", { ...converseRecord, timestamp: 1732121272 }, "invalid field timestamp:"],
    ["a numeric identity.arn", { ...converseRecord, identity: { arn: 7 } }, "invalid field identity.arn:"],
    [
      "a string token count",
      { ...converseRecord, input: { ...converseRecord.input, inputTokenCount: "16" } },
      "invalid field input.inputTokenCount:",
    ],
    [
      "a negative token count",
      { ...converseRecord, output: { ...converseRecord.output, outputTokenCount: -1 } },
      "invalid field output.outputTokenCount:",
    ],
    ["requestMetadata as an array", { ...converseRecord, requestMetadata: ["a"] }, "invalid field requestMetadata:"],
  ])("refuses %s", (_label, raw, reason) => {
    expect(reasonFor(raw)).toContain(reason);
  });

  it("does not throw on a value JSON.parse cannot produce", () => {
    const cyclic: Record<string, unknown> = { ...converseRecord, input: { inputBodyJson: {} } };
    (cyclic.input as Record<string, unknown>).inputBodyJson = cyclic;
    expect(reasonFor(cyclic)).toMatch(/^cannot normalise: /);
  });
});
