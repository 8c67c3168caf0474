import { describe, expect, it } from "vitest";
import { CHECKS } from "@/server/checks/registry";
import { buildComplianceFindings, type OcsfFindingInput, type OcsfRecord } from "./build";
import { complianceFindingSchema, validateOcsfRecord } from "./validate";

const check = CHECKS[0];
if (!check) throw new Error("the registry has no checks");

const FINDING: OcsfFindingInput = {
  id: "f-1",
  checkId: check.id,
  accountId: "111122223333",
  region: "eu-west-1",
  resourceArn: "arn:aws:bedrock:eu-west-1:111122223333:guardrail/abc123",
  status: "FAIL",
  severity: "high",
  category: "Guardrails",
  message: "The guardrail has no PII filter.",
};

function record(): Record<string, unknown> {
  const [r] = buildComplianceFindings({
    scan: { id: "scan-1", finishedAt: "2026-11-27T06:00:00Z" },
    findings: [FINDING],
    productVersion: "0.1.0",
  });
  if (!r) throw new Error("no record built");
  return r;
}

/** Walks to the parent of a dotted path (`a.b.c` → object at a.b) so a test can mutate one attribute. */
function at(r: OcsfRecord, path: string): [Record<string, unknown>, string] {
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  let node: unknown = r;
  for (const k of keys) node = (node as Record<string, unknown>)[k];
  return [node as Record<string, unknown>, last];
}

function mutated(path: string, change: (parent: Record<string, unknown>, key: string) => void) {
  const r = record();
  const [parent, key] = at(r, path);
  change(parent, key);
  return validateOcsfRecord(r);
}

describe("the OCSF schema resolved from the copied sources", () => {
  it("merges compliance_finding ← finding ← base_event, the includes and the cloud profile", () => {
    const s = complianceFindingSchema();
    expect(s.version).toBe("1.2.0");
    expect(s.eventClass.uid).toBe(2003);
    const required = [...s.eventClass.attributes].filter(([, a]) => a.requirement === "required").map(([n]) => n);
    // From the includes, base_event, finding, compliance_finding and the cloud profile respectively.
    for (const name of ["class_uid", "type_uid", "time", "metadata", "finding_info", "compliance", "cloud"])
      expect(required).toContain(name);
    expect([...(s.eventClass.attributes.get("activity_id")?.enum?.keys() ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 99]);
    expect(s.eventClass.attributes.get("type_uid")?.enum?.get(200301)).toBe("Compliance Finding: Create");
    expect(s.objects.get("compliance")?.attributes.get("status_id")?.enum?.get(1)).toBe("Pass");
    expect(s.objects.get("resource_details")?.attributes.get("cloud_partition")).toBeDefined();
    expect(s.types.get("timestamp_t")?.base).toBe("long_t");
    // The host profile is not applied, so its `actor` is not an attribute of our records.
    expect(s.eventClass.attributes.has("actor")).toBe(false);
  });
});

describe("validateOcsfRecord", () => {
  it("accepts a built record", () => {
    expect(validateOcsfRecord(record())).toEqual([]);
  });

  it.each([
    ["class_uid", "$.class_uid"],
    ["metadata.version", "$.metadata.version"],
    ["metadata.product.vendor_name", "$.metadata.product.vendor_name"],
    ["finding_info.uid", "$.finding_info.uid"],
    ["compliance.standards", "$.compliance.standards"],
    ["cloud.provider", "$.cloud.provider"],
    ["remediation.desc", "$.remediation.desc"],
  ])("rejects a record without the required %s", (attr, path) => {
    expect(mutated(attr, (p, k) => delete p[k])).toEqual([
      { path, message: expect.stringMatching(/required attribute of \w+ is missing/) as string },
    ]);
  });

  it.each([
    ["time", "2026-11-27T06:00:00Z", /expected timestamp_t \(long_t\), got string/],
    ["severity_id", 4.5, /expected integer_t, got 4.5/],
    ["finding_info.title", 42, /expected string_t, got number/],
    ["compliance.requirements", "soc2 CC6.1", /expected an array of string_t, got string/],
    ["metadata.product", "Strata", /expected a product object, got string/],
    ["cloud.account.uid", null, /expected string_t, got null/],
  ])("rejects a wrong type at %s", (attr, value, message) => {
    const problems = mutated(attr, (p, k) => (p[k] = value));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(`$.${attr}`);
    expect(problems[0]?.message).toMatch(message);
  });

  it("rejects a wrong element inside an array with its index", () => {
    expect(mutated("compliance.standards", (p, k) => (p[k] = ["SOC 2", 7]))).toEqual([
      { path: "$.compliance.standards[1]", message: "expected string_t, got number" },
    ]);
  });

  it.each([
    ["severity_id", 7],
    ["activity_id", 4],
    ["class_uid", 2004],
    ["type_uid", 200304],
    ["compliance.status_id", 4],
    ["cloud.account.type_id", 11],
  ])("rejects an out-of-enum %s", (attr, value) => {
    const problems = mutated(attr, (p, k) => (p[k] = value));
    expect(problems.map((p) => p.path)).toContain(`$.${attr}`);
    expect(problems.find((p) => p.path === `$.${attr}`)?.message).toMatch(new RegExp(`^${value} is not one of`));
  });

  it("rejects a sibling caption that disagrees with its id", () => {
    expect(mutated("compliance.status", (p, k) => (p[k] = "Pass"))).toEqual([
      { path: "$.compliance.status", message: '"Pass" is not the caption of 3 (Fail)' },
    ]);
  });

  it("reports unknown attributes but allows anything under unmapped", () => {
    const r = record();
    r.resources = [{ uid: "x" }];
    (r.finding_info as Record<string, unknown>).score = 3;
    (r.unmapped as Record<string, unknown>).anything = { nested: [1, "two"] };
    expect(validateOcsfRecord(r).map((p) => p.path)).toEqual(["$.finding_info.score", "$.resources"]);
  });

  it("checks the object constraints and the type regexes", () => {
    const r = record();
    r.resource = { type: "bedrock:guardrail", owner: { uid: "u-1", email_addr: "not an address" } };
    r.observables = [{ type_id: 5, name: "user.email", value: "x", reputation: { base_score: "high" } }];
    const problems = validateOcsfRecord(r);
    expect(problems).toContainEqual({ path: "$.resource", message: "resource_details needs at least one of name, uid" });
    expect(problems).toContainEqual({ path: "$.resource.owner.email_addr", message: '"not an address" is not a valid email_t' });
    expect(problems).toContainEqual({ path: "$.observables[0].reputation.base_score", message: "expected float_t, got string" });
  });

  it("rejects a record that is not an object", () => {
    expect(validateOcsfRecord([])).toEqual([{ path: "$", message: "expected a compliance_finding object, got an array" }]);
  });
});
