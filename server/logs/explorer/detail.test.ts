import { describe, expect, it } from "vitest";
import { logDetailSchema } from "@/lib/schemas/log-detail";
import { normalizeRecord } from "../normalize";
import type { InvocationRecord } from "../record";
import { converseRecord, errorRecord } from "../testing/fixtures";
import { toDetail } from "./detail";

function record(raw: unknown): InvocationRecord {
  const result = normalizeRecord(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

const SECRET_PROMPT = "patient Jane Roe, SSN 123-45-6789, email jane@example.com";
const withPii = record({
  ...converseRecord,
  errorCode: "ValidationException",
  errorMessage: `Malformed input: ${SECRET_PROMPT}`,
  input: { ...converseRecord.input, inputBodyJson: { messages: [{ role: "user", content: [{ text: SECRET_PROMPT }] }] } },
  output: {
    ...converseRecord.output,
    outputBodyJson: {
      output: { message: { role: "assistant", content: [{ text: "Redact: 123-45-6789" }] } },
      stopReason: "guardrail_intervened",
      trace: {
        guardrail: {
          inputAssessment: {
            g: {
              sensitiveInformationPolicy: {
                piiEntities: [{ match: "123-45-6789", type: "US_SOCIAL_SECURITY_NUMBER", action: "BLOCKED" }],
              },
            },
          },
        },
      },
    },
  },
});

describe("toDetail", () => {
  it("carries no prompt, response, error message or guardrail match unless revealed", () => {
    for (const canReveal of [true, false]) {
      const detail = logDetailSchema.parse(toDetail(withPii, { reveal: false, canReveal }));
      const wire = JSON.stringify(detail);
      expect(wire).not.toContain("123-45-6789");
      expect(wire).not.toContain("Jane Roe");
      expect(detail.bodies.redacted).toBe(true);
      expect(detail.errorMessage).toBeNull();
      // What fired stays visible: the trace minus the matched text.
      expect(detail.guardrail.findings).toEqual([
        expect.objectContaining({ policyType: "pii", name: "US_SOCIAL_SECURITY_NUMBER", fired: true, match: null }),
      ]);
      expect(detail.canReveal).toBe(canReveal);
    }
  });

  it("says why a body is hidden: a reveal is possible, or the role lacks logs:reveal", () => {
    const may = toDetail(withPii, { reveal: false, canReveal: true }).bodies;
    const mayNot = toDetail(withPii, { reveal: false, canReveal: false }).bodies;
    expect(may.redacted && may.reason).toMatch(/justification/);
    expect(mayNot.redacted && mayNot.reason).toMatch(/logs:reveal/);
  });

  it("reveals bodies, text, message and matches only when asked by someone allowed", () => {
    const revealed = logDetailSchema.parse(toDetail(withPii, { reveal: true, canReveal: true }));
    expect(revealed.bodies).toMatchObject({ redacted: false, promptText: expect.stringContaining("Jane Roe") as unknown });
    expect(revealed.errorMessage).toContain("Malformed input");
    expect(revealed.guardrail.findings[0]?.match).toBe("123-45-6789");
    // reveal without the permission stays redacted (defence in depth behind the route's check)
    expect(toDetail(withPii, { reveal: true, canReveal: false }).bodies.redacted).toBe(true);
  });

  it("keeps the summary fields an error record has", () => {
    const detail = toDetail(record(errorRecord), { reveal: false, canReveal: false });
    expect(detail.errorCode).toBe(errorRecord.errorCode);
    expect(detail.guardrail.findings).toEqual([]);
  });
});
