import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attestationSchema, frameworkSchema, type Attestation, type Framework } from "@/lib/schemas/compliance";
import { STATUSES, type Status } from "@/lib/schemas/finding";
import { evaluateFramework } from "./evaluate";
import type { ComplianceFinding } from "./status";

const A1 = "111111111111";
const A2 = "222222222222";

/** A small catalog: two checked requirements, a manual one, and a manual one with a check. */
const FW: Framework = frameworkSchema.parse({
  id: "soc2",
  name: "Fixture",
  version: "1",
  requirements: [
    {
      id: "CC6.1",
      title: "Access",
      customerMustShow: "Both checks pass everywhere in scope.",
      checks: ["chk-a", "chk-b"],
      manual: false,
    },
    {
      id: "CC6.6",
      title: "Network",
      customerMustShow: "The one check passes everywhere in scope.",
      checks: ["chk-b"],
      manual: false,
    },
    { id: "CC3.2", title: "Risk", customerMustShow: "A person attests the risk assessment.", checks: [], manual: true },
    { id: "CC9.2", title: "Vendors", customerMustShow: "A check plus a person's attestation.", checks: ["chk-a"], manual: true },
  ],
});

const f = (checkId: string, status: Status, accountId = A1, region = "eu-west-1"): ComplianceFinding => ({
  checkId,
  status,
  accountId,
  region,
});
const attest = (requirementId: string, at = "2026-11-01T00:00:00Z", frameworkId: Framework["id"] = "soc2"): Attestation => ({
  frameworkId,
  requirementId,
  by: "grc@example.com",
  at,
  text: "Reviewed",
});
const statusOf = (findings: ComplianceFinding[], id: string, options?: Parameters<typeof evaluateFramework>[2]) =>
  evaluateFramework(FW, findings, options).requirements.find((r) => r.requirementId === id)?.status;

describe("evaluateFramework", () => {
  it("passes only when every mapped check has findings and all pass", () => {
    expect(statusOf([f("chk-a", "PASS"), f("chk-b", "PASS")], "CC6.1")).toBe("PASS");
    expect(statusOf([f("chk-a", "PASS")], "CC6.1")).toBe("NO_EVIDENCE");
    expect(statusOf([], "CC6.1")).toBe("NO_EVIDENCE");
  });

  it("fails on one FAIL anywhere in scope, and shows where", () => {
    const findings = [
      f("chk-a", "PASS"),
      f("chk-b", "PASS"),
      f("chk-a", "PASS", A2, "us-east-1"),
      f("chk-b", "FAIL", A2, "us-east-1"),
    ];
    const r = evaluateFramework(FW, findings).requirements[0];
    expect(r?.status).toBe("FAIL");
    expect(r?.byAccount).toEqual({ [A1]: "PASS", [A2]: "FAIL" });
    expect(r?.byRegion).toEqual({ "eu-west-1": "PASS", "us-east-1": "FAIL" });
    expect(r?.checks).toEqual([
      { checkId: "chk-a", status: "PASS", findings: 2 },
      { checkId: "chk-b", status: "FAIL", findings: 2 },
    ]);
  });

  it("keeps ERROR apart from FAIL and never turns it into PASS", () => {
    expect(statusOf([f("chk-a", "PASS"), f("chk-b", "ERROR"), f("chk-b", "PASS")], "CC6.1")).toBe("ERROR");
    expect(statusOf([f("chk-a", "FAIL"), f("chk-b", "ERROR")], "CC6.1")).toBe("FAIL");
  });

  it("treats NOT_APPLICABLE-only as not applicable, and ignores it beside a pass", () => {
    expect(statusOf([f("chk-b", "NOT_APPLICABLE")], "CC6.6")).toBe("NOT_APPLICABLE");
    expect(statusOf([f("chk-a", "PASS"), f("chk-b", "NOT_APPLICABLE")], "CC6.1")).toBe("PASS");
  });

  it("leaves manual requirements MANUAL until attested, and ATTESTED is not PASS", () => {
    expect(statusOf([], "CC3.2")).toBe("MANUAL");
    expect(statusOf([], "CC3.2", { attestations: [attest("CC3.2")] })).toBe("ATTESTED");
    // Same requirement id in another framework: not this one's attestation.
    expect(statusOf([], "CC3.2", { attestations: [attest("CC3.2", undefined, "iso-27001")] })).toBe("MANUAL");
  });

  it("lets a manual requirement's checks fail it, even when attested; passing checks leave it to the attestation", () => {
    expect(statusOf([f("chk-a", "FAIL")], "CC9.2", { attestations: [attest("CC9.2")] })).toBe("FAIL");
    expect(statusOf([f("chk-a", "PASS")], "CC9.2")).toBe("MANUAL");
    expect(statusOf([], "CC9.2", { attestations: [attest("CC9.2")] })).toBe("NO_EVIDENCE");
  });

  it("returns the newest attestation", () => {
    const newer = { ...attest("CC3.2", "2026-11-20T00:00:00Z"), by: "ciso@example.com" };
    const r = evaluateFramework(FW, [], { attestations: [attest("CC3.2"), newer, attest("CC3.2", "2026-10-01T00:00:00Z")] });
    expect(r.requirements.find((x) => x.requirementId === "CC3.2")?.attestation?.by).toBe("ciso@example.com");
  });

  it("narrows to accounts and regions, keeping account-level (global) findings for every region", () => {
    const findings = [f("chk-a", "PASS", A1, "global"), f("chk-b", "PASS"), f("chk-b", "FAIL", A2, "us-east-1")];
    expect(statusOf(findings, "CC6.1")).toBe("FAIL");
    expect(statusOf(findings, "CC6.1", { scope: { accounts: [A1] } })).toBe("PASS");
    expect(statusOf(findings, "CC6.1", { scope: { regions: ["eu-west-1"] } })).toBe("PASS");
    const r = evaluateFramework(FW, findings, { scope: { accounts: [A1] } }).requirements[0];
    expect(r?.byRegion).toEqual({ "eu-west-1": "PASS" });
  });

  it("counts coverage and totals", () => {
    const r = evaluateFramework(FW, [f("chk-b", "PASS")]);
    expect(r.coverage).toEqual({ automated: 3, evidenced: 2, total: 4, ratio: 0.75 });
    expect(r.totals).toMatchObject({ PASS: 1, NO_EVIDENCE: 2, MANUAL: 1, FAIL: 0 });
  });
});

describe("attestationSchema", () => {
  it("accepts a complete attestation and names what is wrong with a bad one", () => {
    expect(attestationSchema.parse({ ...attest("CC3.2"), attachmentName: "risk-assessment.pdf" })).toMatchObject({
      by: "grc@example.com",
    });
    const bad = attestationSchema.safeParse({ ...attest("CC3.2"), frameworkId: "soc3", at: "yesterday", by: "" });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["at", "by", "frameworkId"]);
  });
});

describe("evaluateFramework properties", () => {
  const finding = fc.record({
    checkId: fc.constantFrom("chk-a", "chk-b", "chk-other"),
    status: fc.constantFrom(...STATUSES),
    accountId: fc.constantFrom(A1, A2),
    region: fc.constantFrom("eu-west-1", "us-east-1", "global"),
  });

  it("holds the status rules for any findings", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
        const result = evaluateFramework(FW, findings);
        for (const r of result.requirements) {
          const req = FW.requirements.find((x) => x.id === r.requirementId);
          const mapped = findings.filter((x) => req?.checks.includes(x.checkId));
          if (mapped.some((x) => x.status === "FAIL")) expect(r.status).toBe("FAIL");
          if (r.status === "PASS") {
            expect(mapped.some((x) => x.status === "ERROR" || x.status === "FAIL")).toBe(false);
            for (const c of req?.checks ?? []) expect(mapped.some((x) => x.checkId === c)).toBe(true);
            expect(mapped.some((x) => x.status === "PASS")).toBe(true);
          }
          if (mapped.some((x) => x.status === "ERROR")) expect(["FAIL", "ERROR"]).toContain(r.status);
          // A requirement fails overall exactly when some account or region shows the failure.
          expect(Object.values(r.byAccount).includes("FAIL")).toBe(r.status === "FAIL");
        }
        expect(Object.values(result.totals).reduce((a, b) => a + b, 0)).toBe(FW.requirements.length);
      }),
    );
  });
});
