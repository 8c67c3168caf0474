import { describe, expect, it } from "vitest";
import { deriveGuardrail } from "./guardrail";
import type { GuardrailPolicyType } from "./record";
import { converseGuardrailRecord, invokeGuardrailRecord, loggedOutputAssessments, streamChunks } from "./testing/fixtures";

/** A Converse body whose trace holds one input assessment. */
function converseWithInput(assessment: object, stopReason = "guardrail_intervened") {
  return { stopReason, trace: { guardrail: { inputAssessment: { g1: assessment } } } };
}

describe("deriveGuardrail: the action and the signal that decided it", () => {
  it("reads stopReason guardrail_intervened on a Converse record (Example C1)", () => {
    expect(deriveGuardrail(converseGuardrailRecord.output.outputBodyJson)).toEqual({
      action: "INTERVENED",
      source: "stopReason",
      policyTypes: ["content", "topic"],
      side: "input",
    });
  });

  it("reads amazon-bedrock-guardrailAction on an InvokeModel body (Example C2)", () => {
    expect(deriveGuardrail(invokeGuardrailRecord.output.outputBodyJson)).toEqual({
      action: "INTERVENED",
      source: "guardrailAction",
      policyTypes: ["content"],
      side: "input",
    });
  });

  it("finds INTERVENED on any stream chunk and the trace on the last chunk", () => {
    const chunks = [
      ...streamChunks.slice(0, 1),
      { type: "content_block_delta", delta: { text: "x" }, "amazon-bedrock-guardrailAction": "INTERVENED" },
      "[DONE]",
      {
        type: "message_stop",
        "amazon-bedrock-trace": {
          guardrail: { outputs: [{ g1: { wordPolicy: { customWords: [{ match: "x", action: "BLOCKED" }] } } }] },
        },
      },
    ];
    expect(deriveGuardrail(chunks)).toEqual({
      action: "INTERVENED",
      source: "streamChunk",
      policyTypes: ["word"],
      side: "output",
    });
  });

  it("treats an actionReason starting with 'Guardrail blocked' as an intervention", () => {
    const body = { "amazon-bedrock-trace": { guardrail: { actionReason: "Guardrail blocked.", input: {} } } };
    expect(deriveGuardrail(body)).toMatchObject({ action: "INTERVENED", source: "actionReason" });
  });

  it("reports NONE from an explicit guardrailAction NONE", () => {
    expect(deriveGuardrail({ content: [], "amazon-bedrock-guardrailAction": "NONE" })).toEqual({
      action: "NONE",
      source: "guardrailAction",
      policyTypes: [],
      side: null,
    });
  });

  it("reports NONE from a stream whose chunks say NONE", () => {
    expect(deriveGuardrail([{ "amazon-bedrock-guardrailAction": "NONE" }, "[DONE]"])).toMatchObject({
      action: "NONE",
      source: "streamChunk",
    });
  });

  it("reports NONE from a trace alone when the turn ended normally (detect-only PII, action NONE)", () => {
    const body = converseWithInput(
      { sensitiveInformationPolicy: { piiEntities: [{ match: "a@b.c", type: "EMAIL", action: "NONE" }] } },
      "end_turn",
    );
    expect(deriveGuardrail(body)).toEqual({ action: "NONE", source: "trace", policyTypes: [], side: null });
  });

  it.each([
    ["no body", null],
    ["a Converse body without trace", { stopReason: "end_turn", output: { message: { content: [] } } }],
    ["a stream without guardrail keys", streamChunks],
    ["a non-object stream", ["[DONE]", 42, null]],
  ])("returns null action for %s", (_label, body) => {
    expect(deriveGuardrail(body)).toEqual({ action: null, source: null, policyTypes: [], side: null });
  });
});

describe("deriveGuardrail: policy types", () => {
  const cases: [string, object, GuardrailPolicyType][] = [
    ["a content filter", { contentPolicy: { filters: [{ type: "HATE", confidence: "HIGH", action: "BLOCKED" }] } }, "content"],
    [
      "the PROMPT_ATTACK content filter",
      { contentPolicy: { filters: [{ type: "PROMPT_ATTACK", confidence: "HIGH", action: "BLOCKED" }] } },
      "promptAttack",
    ],
    ["a denied topic", { topicPolicy: { topics: [{ name: "Bank", type: "DENY", action: "BLOCKED" }] } }, "topic"],
    ["a custom word", { wordPolicy: { customWords: [{ match: "foo", action: "BLOCKED" }] } }, "word"],
    [
      "a managed word list",
      { wordPolicy: { managedWordLists: [{ match: "darn", type: "PROFANITY", action: "BLOCKED" }] } },
      "word",
    ],
    [
      "an anonymised PII entity",
      { sensitiveInformationPolicy: { piiEntities: [{ match: "a@b.c", type: "EMAIL", action: "ANONYMIZED" }] } },
      "pii",
    ],
    ["a PII regex", { sensitiveInformationPolicy: { regexes: [{ name: "key", match: "AKIA", action: "BLOCKED" }] } }, "pii"],
    [
      "a grounding filter",
      { contextualGroundingPolicy: { filters: [{ type: "GROUNDING", threshold: 0.9, score: 0.1, action: "BLOCKED" }] } },
      "grounding",
    ],
    [
      "an invalid automated-reasoning finding",
      { automatedReasoningPolicy: { findings: [{ invalid: { translation: {} } }] } },
      "automatedReasoning",
    ],
    [
      "a detect-only finding (action NONE, detected true)",
      { contentPolicy: { filters: [{ type: "INSULTS", confidence: "LOW", action: "NONE", detected: true }] } },
      "content",
    ],
  ];

  it.each(cases)("derives the type from %s", (_label, assessment, type) => {
    expect(deriveGuardrail(converseWithInput(assessment)).policyTypes).toEqual([type]);
  });

  it("ignores entries that neither acted nor detected", () => {
    const assessment = {
      contentPolicy: { filters: [{ type: "HATE", confidence: "NONE", action: "NONE" }] },
      topicPolicy: { topics: [{ name: "x", type: "DENY", action: "NONE", detected: false }] },
      automatedReasoningPolicy: { findings: [{ valid: {} }] },
    };
    expect(deriveGuardrail(converseWithInput(assessment)).policyTypes).toEqual([]);
  });

  it("reads the logged array-of-maps outputAssessments shape", () => {
    const body = { stopReason: "guardrail_intervened", trace: { guardrail: { outputAssessments: loggedOutputAssessments } } };
    expect(deriveGuardrail(body)).toMatchObject({ policyTypes: ["grounding"], side: "output" });
  });

  it("reads the API map-of-arrays outputAssessments shape", () => {
    const assessment = loggedOutputAssessments[0]?.iy5aqw3mmiwu;
    const body = {
      stopReason: "guardrail_intervened",
      trace: { guardrail: { outputAssessments: { iy5aqw3mmiwu: [assessment] } } },
    };
    expect(deriveGuardrail(body)).toMatchObject({ policyTypes: ["grounding"], side: "output" });
  });

  it("says both when input and output assessments fired", () => {
    const body = {
      stopReason: "guardrail_intervened",
      trace: {
        guardrail: {
          inputAssessment: { g1: { topicPolicy: { topics: [{ name: "t", action: "BLOCKED" }] } } },
          outputAssessments: [{ g1: { sensitiveInformationPolicy: { piiEntities: [{ type: "NAME", action: "ANONYMIZED" }] } } }],
        },
      },
    };
    expect(deriveGuardrail(body)).toMatchObject({ policyTypes: ["topic", "pii"], side: "both" });
  });
});
