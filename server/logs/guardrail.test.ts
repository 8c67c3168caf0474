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
      id: "l7n9e426howe",
    });
  });

  it("reads amazon-bedrock-guardrailAction on an InvokeModel body (Example C2)", () => {
    expect(deriveGuardrail(invokeGuardrailRecord.output.outputBodyJson)).toEqual({
      action: "INTERVENED",
      source: "guardrailAction",
      policyTypes: ["content"],
      side: "input",
      id: "h28wrktbwagn",
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
      id: "g1",
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
      id: null,
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
    expect(deriveGuardrail(body)).toEqual({ action: "NONE", source: "trace", policyTypes: [], side: null, id: "g1" });
  });

  it.each([
    ["no body", null],
    ["a Converse body without trace", { stopReason: "end_turn", output: { message: { content: [] } } }],
    ["a stream without guardrail keys", streamChunks],
    ["a non-object stream", ["[DONE]", 42, null]],
  ])("returns null action for %s", (_label, body) => {
    expect(deriveGuardrail(body)).toEqual({ action: null, source: null, policyTypes: [], side: null, id: null });
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
    expect(deriveGuardrail(body)).toMatchObject({ policyTypes: ["grounding"], side: "output", id: "iy5aqw3mmiwu" });
  });

  it("reads the API map-of-arrays outputAssessments shape", () => {
    const assessment = loggedOutputAssessments[0]?.iy5aqw3mmiwu;
    const body = {
      stopReason: "guardrail_intervened",
      trace: { guardrail: { outputAssessments: { iy5aqw3mmiwu: [assessment] } } },
    };
    expect(deriveGuardrail(body)).toMatchObject({ policyTypes: ["grounding"], side: "output", id: "iy5aqw3mmiwu" });
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
    expect(deriveGuardrail(body)).toMatchObject({ policyTypes: ["topic", "pii"], side: "both", id: "g1" });
  });
});

describe("deriveGuardrail: the guardrail id", () => {
  const fired = { topicPolicy: { topics: [{ name: "t", action: "BLOCKED" }] } };

  it("takes the input side's key before the output side's", () => {
    const body = {
      trace: { guardrail: { inputAssessment: { inside1: fired }, outputAssessments: [{ outside2: fired }] } },
    };
    expect(deriveGuardrail(body).id).toBe("inside1");
  });

  it("falls back to the output side when the input side is empty or absent", () => {
    expect(deriveGuardrail({ trace: { guardrail: { inputAssessment: {}, outputAssessments: [{ out1: fired }] } } }).id).toBe(
      "out1",
    );
    expect(deriveGuardrail({ trace: { guardrail: { outputAssessments: { out2: [fired] } } } }).id).toBe("out2");
    expect(deriveGuardrail({ "amazon-bedrock-trace": { guardrail: { outputs: [{ out3: fired }] } } }).id).toBe("out3");
  });

  it("skips keys that are not guardrail ids", () => {
    expect(deriveGuardrail({ trace: { guardrail: { inputAssessment: { "Not An Id": fired } } } }).id).toBeNull();
  });

  const converseRequest = (guardrailIdentifier: unknown) => ({ messages: [], guardrailConfig: { guardrailIdentifier } });

  it.each([
    ["a bare id", "abc123def456", "abc123def456"],
    ["a guardrail ARN", "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123def456", "abc123def456"],
    ["a GovCloud ARN", "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:guardrail/zz9", "zz9"],
    ["a name, not an id", "My Guardrail", null],
    ["an ARN of something else", "arn:aws:bedrock:us-east-1:123456789012:foundation-model/abc", null],
    ["a number", 42, null],
  ])("reads guardrailConfig.guardrailIdentifier given %s when there is no trace", (_label, identifier, id) => {
    const output = { stopReason: "guardrail_intervened", output: { message: { content: [] } } };
    expect(deriveGuardrail(output, converseRequest(identifier)).id).toBe(id);
  });

  it("prefers the trace's id over the request's identifier", () => {
    const output = { trace: { guardrail: { inputAssessment: { traced1: fired } } } };
    expect(deriveGuardrail(output, converseRequest("configured1")).id).toBe("traced1");
  });
});
