import { describe, expect, it } from "vitest";
import { STATUSES } from "@/lib/schemas/finding";
import { CHECKS } from "@/server/checks/registry";
import { evaluateFramework } from "@/server/compliance/evaluate";
import { FRAMEWORKS } from "@/server/compliance/frameworks";
import { buildAssessmentResults } from "./build";
import { oscalErrors } from "./testing";
import type { OscalFinding } from "./types";

const N = 50_000;

/** A whole-estate shaped export: every check over many resources, 40 accounts × 4 regions. */
function estate(): OscalFinding[] {
  return Array.from({ length: N }, (_, i) => {
    const check = CHECKS[i % CHECKS.length];
    if (!check) throw new Error("no checks");
    const accountId = String(100000000000 + (i % 40));
    const region = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"][i % 4] ?? "us-east-1";
    return {
      checkId: check.id,
      accountId,
      region,
      resourceArn: `arn:aws:bedrock:${region}:${accountId}:resource/r-${i}`,
      status: STATUSES[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0] ?? "PASS",
      message: `Resource r-${i} evaluated`,
      evidence: { id: i, settings: { enabled: i % 2 === 0 } },
    };
  });
}

describe("buildAssessmentResults at estate scale", () => {
  it("builds a valid document for 50,000 findings and every framework within a few seconds", () => {
    const findings = estate();
    const frameworks = FRAMEWORKS.map((framework) => ({ framework, result: evaluateFramework(framework, findings) }));
    const started = performance.now();
    const doc = buildAssessmentResults({
      scan: {
        id: "scan-big",
        source: "demo",
        startedAt: "2026-11-27T06:00:00Z",
        finishedAt: "2026-11-27T06:10:00Z",
        scope: { accounts: [], regions: [] },
      },
      frameworks,
      findings,
      attestations: [],
      generator: { name: "strata", version: "0.1.0" },
      now: new Date("2026-11-28T00:00:00Z"),
    });
    const bytes = JSON.stringify(doc).length;
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(5_000);
    // Excerpts are capped per check, so size grows with subjects only (~0.6 kB per finding), not with evidence.
    expect(bytes).toBeLessThan(N * 1_000);
    expect(oscalErrors(doc)).toEqual([]);
  }, 60_000);
});
