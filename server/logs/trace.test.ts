import { describe, expect, it } from "vitest";
import { converseGuardrailRecord, loggedOutputAssessments } from "./testing/fixtures";
import { guardrailFindings } from "./trace";

const PII_BODY = {
  stopReason: "end_turn",
  trace: {
    guardrail: {
      inputAssessment: {
        g1: {
          sensitiveInformationPolicy: {
            piiEntities: [{ match: "jane@example.com", type: "EMAIL", action: "ANONYMIZED", detected: true }],
            regexes: [{ name: "mrn", match: "MRN-123456", regex: "MRN-[0-9]{6}", action: "NONE", detected: true }],
          },
          wordPolicy: {
            customWords: [{ match: "project-zeus", action: "BLOCKED" }],
            managedWordLists: [{ match: "darn", type: "PROFANITY", action: "NONE" }],
          },
          contentPolicy: { filters: [{ type: "PROMPT_ATTACK", confidence: "HIGH", filterStrength: "HIGH", action: "BLOCKED" }] },
        },
      },
      outputAssessments: [
        ...loggedOutputAssessments,
        { g1: { automatedReasoningPolicy: { findings: [{ invalid: { translation: {} } }, { valid: {} }] } } },
      ],
    },
  },
};

describe("guardrailFindings", () => {
  it("lists every policy entry with its side, and marks the ones that acted", () => {
    const findings = guardrailFindings(converseGuardrailRecord.output.outputBodyJson, { withMatches: true });
    expect(findings.map((f) => [f.side, f.policyType, f.name, f.action, f.fired])).toEqual([
      ["input", "topic", "Robbing A Bank", "BLOCKED", true],
      ["input", "content", "MISCONDUCT", "BLOCKED", true],
    ]);
    expect(findings[1]?.confidence).toBe("HIGH");
  });

  it("reads PII, regex, words, prompt attack, grounding scores and reasoning findings from both outputAssessments shapes", () => {
    const findings = guardrailFindings(PII_BODY, { withMatches: true });
    const row = (name: string) => findings.find((f) => f.name === name);
    expect(row("EMAIL")).toMatchObject({ policyType: "pii", action: "ANONYMIZED", fired: true, match: "jane@example.com" });
    // detect-only: action NONE but detected, so it still counts as fired
    expect(row("mrn")).toMatchObject({ policyType: "pii", action: "NONE", detected: true, fired: true });
    expect(row("custom word")).toMatchObject({ policyType: "word", fired: true });
    expect(row("PROFANITY")).toMatchObject({ policyType: "word", fired: false });
    expect(row("PROMPT_ATTACK")).toMatchObject({ policyType: "promptAttack", strength: "HIGH", fired: true });
    expect(row("GROUNDING")).toMatchObject({
      side: "output",
      policyType: "grounding",
      score: 0.36,
      threshold: 0.99,
      fired: true,
    });
    expect(row("RELEVANCE")).toMatchObject({ fired: false });
    expect(row("invalid")).toMatchObject({ policyType: "automatedReasoning", fired: true });
    expect(row("valid")).toMatchObject({ policyType: "automatedReasoning", fired: false });
  });

  it("drops matched text unless the caller may see bodies", () => {
    const findings = guardrailFindings(PII_BODY, { withMatches: false });
    expect(findings.length).toBeGreaterThan(5);
    expect(findings.every((f) => f.match === null)).toBe(true);
    expect(JSON.stringify(findings)).not.toContain("jane@example.com");
  });

  it("returns nothing for bodies without a trace, and never throws on junk", () => {
    for (const body of [
      null,
      "text",
      42,
      [],
      [1, "x", null],
      { trace: "nope" },
      { trace: { guardrail: { inputAssessment: [7] } } },
    ]) {
      expect(guardrailFindings(body, { withMatches: true })).toEqual([]);
    }
  });
});
