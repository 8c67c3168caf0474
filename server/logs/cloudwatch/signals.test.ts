import { describe, expect, it } from "vitest";
import { LOG_POLICY_TYPES } from "@/lib/schemas/logs";
import { normalizeRecord } from "../normalize";
import {
  converseGuardrailRecord,
  converseRecord,
  errorRecord,
  invokeAnthropicRecord,
  invokeGuardrailRecord,
  loggedOutputAssessments,
  streamChunks,
  streamRecord,
} from "../testing/fixtures";
import { GUARDRAIL_ID_PATTERNS, PATTERNS } from "./signals";

// The Insights regexes run here as JS regexes over the JSON text CloudWatch would hold, and must
// agree with the normaliser on each record shape the reference documents.
const matchesAny = (patterns: string[], text: string) => patterns.some((p) => new RegExp(p).test(text));

function viaRegexes(raw: unknown) {
  const text = JSON.stringify(raw);
  const intervened = matchesAny(PATTERNS.intervened, text);
  const action = intervened ? "INTERVENED" : matchesAny(PATTERNS.traced, text) ? "NONE" : null;
  // The store keeps the traced id, else the requested one (store.ts facets, compile.ts filter).
  const id =
    new RegExp(GUARDRAIL_ID_PATTERNS.traced).exec(text)?.groups?.strataGuardrailTraced ??
    new RegExp(GUARDRAIL_ID_PATTERNS.named).exec(text)?.groups?.strataGuardrailNamed ??
    null;
  return { action, policyTypes: LOG_POLICY_TYPES.filter((t) => matchesAny(PATTERNS.policy[t], text)), id };
}

function viaNormaliser(raw: unknown) {
  const result = normalizeRecord(raw);
  if (!result.ok) throw new Error(result.reason);
  const { action, policyTypes, id } = result.record.guardrail;
  return { action, policyTypes, id };
}

const withOutputBody = (body: unknown) => ({ ...converseRecord, output: { ...converseRecord.output, outputBodyJson: body } });
const assessment = (policy: Record<string, unknown>) => ({ inputAssessment: { g1: policy } });
const converseTrace = (stopReason: string, trace: unknown) =>
  withOutputBody({ ...converseRecord.output.outputBodyJson, stopReason, trace: { guardrail: trace } });

const CASES: [string, unknown][] = [
  ["Converse without a guardrail", converseRecord],
  ["InvokeModel without a guardrail", invokeAnthropicRecord],
  ["an error record", errorRecord],
  ["Converse, intervened (topic + content)", converseGuardrailRecord],
  ["InvokeModel, intervened (content, detected)", invokeGuardrailRecord],
  ["a stream without a guardrail", streamRecord()],
  [
    "a stream with an INTERVENED chunk",
    streamRecord([...streamChunks.slice(0, 2), { ...streamChunks[1], "amazon-bedrock-guardrailAction": "INTERVENED" }]),
  ],
  [
    "InvokeModel with action NONE",
    withOutputBody({ ...invokeAnthropicRecord.output.outputBodyJson, "amazon-bedrock-guardrailAction": "NONE" }),
  ],
  [
    "output-side grounding block, logged array-of-maps",
    converseTrace("guardrail_intervened", { outputAssessments: loggedOutputAssessments }),
  ],
  [
    "detect-only PII (action NONE, detected true)",
    converseTrace(
      "end_turn",
      assessment({
        sensitiveInformationPolicy: { piiEntities: [{ match: "a@b.c", type: "EMAIL", action: "NONE", detected: true }] },
      }),
    ),
  ],
  [
    "a trace where nothing fired",
    converseTrace(
      "end_turn",
      assessment({ sensitiveInformationPolicy: { piiEntities: [{ match: "x", type: "NAME", action: "NONE" }] } }),
    ),
  ],
  [
    "word, prompt attack and anonymised regex",
    converseTrace(
      "guardrail_intervened",
      assessment({
        wordPolicy: { customWords: [{ match: "zeus", action: "BLOCKED" }] },
        contentPolicy: { filters: [{ action: "BLOCKED", confidence: "HIGH", type: "PROMPT_ATTACK" }] },
        sensitiveInformationPolicy: { regexes: [{ name: "ticket", match: "TCK-1", action: "ANONYMIZED" }] },
      }),
    ),
  ],
  [
    "automated reasoning",
    converseTrace("end_turn", assessment({ automatedReasoningPolicy: { findings: [{ invalid: { rules: [] } }] } })),
  ],
  [
    "output-side finding, the API's map-of-arrays shape",
    converseTrace("guardrail_intervened", {
      outputAssessments: { mapshape01: loggedOutputAssessments.map((a) => a.iy5aqw3mmiwu) },
    }),
  ],
  [
    "a stream whose last chunk traces an output-side finding",
    streamRecord([
      ...streamChunks.slice(0, 2),
      {
        type: "message_stop",
        "amazon-bedrock-guardrailAction": "INTERVENED",
        "amazon-bedrock-trace": {
          guardrail: {
            input: {},
            outputs: [{ stream0001: { wordPolicy: { customWords: [{ match: "x", action: "BLOCKED" }] } } }],
          },
        },
      },
    ]),
  ],
  [
    "a Converse request naming its guardrail by ARN, without a trace",
    {
      ...converseRecord,
      input: {
        ...converseRecord.input,
        inputBodyJson: {
          ...converseRecord.input.inputBodyJson,
          guardrailConfig: { guardrailIdentifier: "arn:aws:bedrock:us-east-1:111122223333:guardrail/named0001" },
        },
      },
    },
  ],
  [
    "a request naming one guardrail and a trace naming it by id",
    {
      ...converseGuardrailRecord,
      input: { ...converseGuardrailRecord.input, inputBodyJson: { guardrailConfig: { guardrailIdentifier: "other0001" } } },
    },
  ],
  [
    "a prompt that only talks about guardrail keys",
    {
      ...converseRecord,
      input: {
        ...converseRecord.input,
        inputBodyJson: {
          messages: [
            { role: "user", content: [{ text: '{"stopReason":"guardrail_intervened","topics":[{"action":"BLOCKED"}]}' }] },
          ],
        },
      },
    },
  ],
];

describe("the Insights guardrail regexes", () => {
  it.each(CASES)("agree with the normaliser: %s", (_, raw) => {
    expect(viaRegexes(raw)).toEqual(viaNormaliser(raw));
  });

  it("cover every outcome at least once, so the comparison is not vacuous", () => {
    const outcomes = CASES.map(([, raw]) => viaNormaliser(raw));
    expect(new Set(outcomes.map((o) => o.action))).toEqual(new Set(["INTERVENED", "NONE", null]));
    const types = new Set(outcomes.flatMap((o) => o.policyTypes));
    expect([...LOG_POLICY_TYPES].filter((t) => !types.has(t))).toEqual([]);
    expect(new Set(outcomes.map((o) => o.id)).size).toBeGreaterThan(5);
  });
});
