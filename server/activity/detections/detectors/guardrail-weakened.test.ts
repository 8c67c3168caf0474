import "server-only";
import { describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "../detector";
import { ACCOUNT, REGION, at, contextWith, event, guardrailRequest } from "../fixtures";
import { postureFromRequest } from "../guardrail-posture";
import detector from "./guardrail-weakened";

const strong = {
  hate: ["HIGH", "HIGH"] as [string, string],
  promptAttack: "HIGH",
  grounding: 0.75,
  pii: "BLOCK",
  topics: ["Investment advice"],
};
const create = (opts = strong) =>
  event({
    name: "CreateGuardrail",
    time: at(0),
    requestParameters: { ...guardrailRequest(opts), guardrailIdentifier: undefined },
    responseElements: { guardrailId: "cmy5azq5koeo", version: "DRAFT" },
  });
const update = (opts: Parameters<typeof guardrailRequest>[0], extra: Partial<Parameters<typeof event>[0]> = {}) =>
  event({ name: "UpdateGuardrail", time: at(30), requestParameters: guardrailRequest(opts), ...extra });

describe("guardrail-weakened", () => {
  it("fires high on DeleteGuardrail with the guardrail-exists check", () => {
    const e = event({ name: "DeleteGuardrail", requestParameters: { guardrailIdentifier: "cmy5azq5koeo" } });
    expect(detector.detect([e], EMPTY_CONTEXT).map((d) => [d.severity, d.checkId])).toEqual([
      ["high", "bedrock-guardrail-exists"],
    ]);
  });

  it("does not count a DeleteGuardrail refused by IAM", () => {
    const e = event({
      name: "DeleteGuardrail",
      errorCode: "AccessDenied",
      requestParameters: { guardrailIdentifier: "cmy5azq5koeo" },
    });
    expect(detector.detect([e], EMPTY_CONTEXT)).toEqual([]);
  });

  it.each([
    [
      "content input",
      { ...strong, hate: ["LOW", "HIGH"] as [string, string] },
      /HATE input filter lowered from HIGH to LOW/,
      "bedrock-guardrail-content-filters",
    ],
    [
      "content output",
      { ...strong, hate: ["HIGH", "NONE"] as [string, string] },
      /HATE output filter lowered/,
      "bedrock-guardrail-content-filters",
    ],
    [
      "prompt attack",
      { ...strong, promptAttack: "MEDIUM" },
      /PROMPT_ATTACK input filter lowered/,
      "bedrock-guardrail-prompt-attack-high",
    ],
    [
      "grounding",
      { ...strong, grounding: 0.2 },
      /GROUNDING threshold lowered from 0.75 to 0.2/,
      "bedrock-guardrail-contextual-grounding",
    ],
    [
      "PII",
      { ...strong, pii: "ANONYMIZE" },
      /PII EMAIL action weakened from BLOCK to ANONYMIZE/,
      "bedrock-guardrail-pii-enforces",
    ],
    ["topics", { ...strong, topics: [] }, /denied topics removed: Investment advice/, "bedrock-guardrail-denied-topics"],
  ])("fires when the %s setting is lowered against the earlier Create in the stream", (_what, opts, why, checkId) => {
    const e = update(opts);
    const found = detector.detect([create(), e], EMPTY_CONTEXT);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "high", checkId, eventIds: [e.id] });
    expect(found[0]?.explanation).toMatch(why);
  });

  it("near miss: an update that only raises strengths does not fire", () => {
    const weak = { hate: ["LOW", "LOW"] as [string, string], promptAttack: "LOW", grounding: 0.3, pii: "NONE", topics: ["A"] };
    const raised = {
      hate: ["HIGH", "HIGH"] as [string, string],
      promptAttack: "HIGH",
      grounding: 0.9,
      pii: "BLOCK",
      topics: ["A", "B"],
    };
    expect(detector.detect([create(weak), update(raised)], EMPTY_CONTEXT)).toEqual([]);
  });

  it("uses the scan's configuration from the context when the window has no earlier Create/Update", () => {
    const baseline = postureFromRequest(guardrailRequest(strong));
    if (!baseline) throw new Error("fixture");
    const context = contextWith({
      guardrails: new Map([[`${ACCOUNT}|${REGION}|cmy5azq5koeo`, { value: baseline, collectedAt: at(10) }]]),
    });
    const arnRef = `arn:aws:bedrock:${REGION}:${ACCOUNT}:guardrail/cmy5azq5koeo`;
    const weakened = update({ ...strong, id: arnRef, hate: ["NONE", "HIGH"] });
    expect(detector.detect([weakened], context).map((d) => d.severity)).toEqual(["high"]);
    expect(detector.detect([update({ ...strong, id: arnRef })], context)).toEqual([]);
  });

  it("does not compare an update with a scan taken after it (the scan may show the update's own result)", () => {
    const weakState = postureFromRequest(guardrailRequest({ ...strong, hate: ["NONE", "HIGH"] }));
    if (!weakState) throw new Error("fixture");
    const context = contextWith({
      guardrails: new Map([[`${ACCOUNT}|${REGION}|cmy5azq5koeo`, { value: weakState, collectedAt: at(45) }]]),
    });
    const weakened = update({ ...strong, hate: ["NONE", "HIGH"] });
    const found = detector.detect([weakened], context);
    expect(found.map((d) => d.severity)).toEqual(["low"]);
    expect(found[0]?.explanation).toContain(`the last scan collected it on ${at(45).slice(0, 10)}, after this change`);
    expect(detector.detect([weakened], EMPTY_CONTEXT)[0]?.explanation).toContain("no scan has collected it");
  });

  it("after an update it could not read, does not fall back to an older scan", () => {
    const baseline = postureFromRequest(guardrailRequest(strong));
    if (!baseline) throw new Error("fixture");
    const context = contextWith({
      guardrails: new Map([[`${ACCOUNT}|${REGION}|cmy5azq5koeo`, { value: baseline, collectedAt: at(0) }]]),
    });
    const unreadable = update({}, { time: at(20), requestParameters: { guardrailIdentifier: "cmy5azq5koeo" } });
    const next = update({ ...strong, hate: ["LOW", "LOW"] }, { time: at(40) });
    expect(detector.detect([unreadable, next], context).map((d) => d.severity)).toEqual(["low", "low"]);
  });

  it("deleting a numbered version keeps the DRAFT baseline", () => {
    const delV1 = event({
      name: "DeleteGuardrail",
      time: at(10),
      requestParameters: { guardrailIdentifier: "cmy5azq5koeo", guardrailVersion: "1" },
    });
    const found = detector.detect([create(), delV1, update({ ...strong, promptAttack: "LOW" })], EMPTY_CONTEXT);
    expect(found.map((d) => d.title)).toEqual(["Guardrail cmy5azq5koeo version 1 deleted", "Guardrail cmy5azq5koeo weakened"]);
  });

  it("compares against the latest update, not the original create", () => {
    const lowered = update({ ...strong, hate: ["LOW", "LOW"] });
    const same = update({ ...strong, hate: ["LOW", "LOW"] }, { time: at(60) });
    expect(detector.detect([create(), lowered, same], EMPTY_CONTEXT).map((d) => d.eventIds)).toEqual([[lowered.id]]);
  });

  it("reports low when the update cannot be compared (no baseline, or no policies recorded)", () => {
    const noBaseline = update(strong);
    const panther = update(
      {},
      { requestParameters: { guardrailIdentifier: "cmy5azq5koeo", name: "HIDDEN_DUE_TO_SECURITY_REASONS" } },
    );
    expect(detector.detect([noBaseline], EMPTY_CONTEXT).map((d) => d.severity)).toEqual(["low"]);
    expect(detector.detect([create(), panther], EMPTY_CONTEXT).map((d) => d.title)).toEqual([
      "Guardrail cmy5azq5koeo updated; the change could not be compared",
    ]);
  });

  it("keeps guardrails apart: lowering a different guardrail's baseline does not cross over", () => {
    const other = update({ ...strong, id: "zzz999", hate: ["LOW", "LOW"] });
    const found = detector.detect([create(), other], EMPTY_CONTEXT);
    expect(found.map((d) => d.severity)).toEqual(["low"]);
  });
});
