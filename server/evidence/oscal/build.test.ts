import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attestation } from "@/lib/schemas/compliance";
import type { Status } from "@/lib/schemas/finding";
import { evaluateFramework } from "@/server/compliance/evaluate";
import { FRAMEWORKS, getFramework } from "@/server/compliance/frameworks";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { buildAssessmentResults } from "./build";
import { oscalErrors } from "./testing";
import type { AssessmentInput, OscalFinding } from "./types";
import { runDemoScan } from "@/server/scans/testing";

const AT = new Date("2026-11-27T06:00:00Z");
const NOW = new Date("2026-11-28T09:00:00Z");
const SCAN = {
  id: "scan-1",
  source: "demo",
  startedAt: "2026-11-27T06:00:00.000Z",
  finishedAt: "2026-11-27T06:02:30.000Z",
  scope: { accounts: [] as string[], regions: [] as string[] },
};

let t: TestDb;
let demo: OscalFinding[] = [];
beforeAll(async () => {
  t = await sqliteTestDb();
  await runDemoScan(t.db, { id: SCAN.id, at: AT });
  const rows = await t.db.selectFrom("findings").selectAll().where("scan_id", "=", SCAN.id).execute();
  demo = rows.map((r) => ({
    checkId: r.check_id,
    accountId: r.account_id,
    region: r.region,
    resourceArn: r.resource_arn,
    status: r.status as Status,
    message: r.message,
    evidence: JSON.parse(r.evidence_json) as unknown,
  }));
}, 60_000);
afterAll(() => t.close());

function input(
  findings: readonly OscalFinding[],
  ids = FRAMEWORKS.map((f) => f.id),
  attestations: Attestation[] = [],
): AssessmentInput {
  const accounts = [...new Set(findings.map((f) => f.accountId))].sort();
  const regions = [...new Set(findings.map((f) => f.region))].sort();
  const frameworks = ids.map((id) => {
    const framework = getFramework(id);
    if (!framework) throw new Error(id);
    return { framework, result: evaluateFramework(framework, findings, { attestations }) };
  });
  return {
    scan: { ...SCAN, scope: { accounts, regions } },
    frameworks,
    findings,
    attestations,
    generator: { name: "strata", version: "0.1.0" },
    now: NOW,
  };
}

type Doc = ReturnType<typeof buildAssessmentResults>;
const result = (doc: Doc) => {
  const r = doc["assessment-results"].results[0];
  if (!r) throw new Error("no result");
  return r;
};
const propValue = (props: readonly { name: string; value: string }[], name: string) => props.find((p) => p.name === name)?.value;

describe("buildAssessmentResults", () => {
  it("turns the demo scan into a schema-valid document for every framework at once", () => {
    expect(demo.length).toBeGreaterThan(50);
    const doc = buildAssessmentResults(input(demo));
    expect(oscalErrors(doc)).toEqual([]);
    const r = result(doc);
    expect(doc["assessment-results"].metadata.title).toBe("Strata assessment of Amazon Bedrock — all frameworks");
    expect(r.start).toBe(SCAN.startedAt);
    expect(doc["assessment-results"].metadata["oscal-version"]).toBe("1.0.6");
    expect(doc["assessment-results"]["import-ap"].href).toBe("#strata-assessment-plan");
    expect(r.findings).toHaveLength(FRAMEWORKS.reduce((n, f) => n + f.requirements.length, 0));
    expect(r["reviewed-controls"]["control-selections"]).toHaveLength(FRAMEWORKS.length);
    expect(new Set(r.observations?.map((o) => propValue(o.props, "check-id")))).toEqual(new Set(demo.map((f) => f.checkId)));
  });

  it("maps Strata statuses: only PASS is satisfied, FAIL is fail, the rest are not-satisfied for another reason", () => {
    // The whole demo estate fails somewhere in every automated requirement; its passing findings alone (one
    // turned into an ERROR) give PASS and ERROR too.
    const passing = demo.filter((f) => f.status === "PASS");
    const [first, ...rest] = passing;
    if (!first) throw new Error("the demo has no passing finding");
    // Dropping one check's results leaves its requirements without evidence.
    const dropped = rest.find((f) => f.checkId !== first.checkId)?.checkId;
    const mixed = [{ ...first, status: "ERROR" as const }, ...rest.filter((f) => f.checkId !== dropped)];
    const seen = new Set<string>();
    for (const findings of [demo, mixed]) {
      const doc = buildAssessmentResults(input(findings));
      expect(oscalErrors(doc)).toEqual([]);
      for (const f of result(doc).findings ?? []) {
        const status = propValue(f.target.props, "status") ?? "";
        seen.add(status);
        const expected = status === "PASS" ? ["satisfied", "pass"] : ["not-satisfied", status === "FAIL" ? "fail" : "other"];
        expect([f.target.status.state, f.target.status.reason], f.title).toEqual(expected);
      }
    }
    for (const s of ["PASS", "FAIL", "ERROR", "NO_EVIDENCE", "MANUAL"]) expect(seen).toContain(s);
  });

  it("links a failing requirement to the observation of its failing check, with the ARN as data", () => {
    const r = result(buildAssessmentResults(input(demo, ["soc2"])));
    const failing = r.findings?.find((f) => f.target.status.reason === "fail");
    const related = new Set(failing?.["related-observations"]?.map((o) => o["observation-uuid"]));
    const observations = r.observations?.filter((o) => related.has(o.uuid)) ?? [];
    const failed = observations.flatMap((o) => o.subjects ?? []).find((s) => propValue(s.props, "status") === "FAIL");
    expect(failed && demo.some((f) => f.resourceArn === failed.title && f.status === "FAIL")).toBe(true);
  });

  it("is valid for an empty scan, with no observations and every requirement unsatisfied for lack of evidence", () => {
    const doc = buildAssessmentResults(input([], ["soc2"]));
    expect(oscalErrors(doc)).toEqual([]);
    const r = result(doc);
    expect(r.observations).toBeUndefined();
    expect(doc["assessment-results"]["back-matter"]).toBeUndefined();
    for (const f of r.findings ?? []) expect(f.target.status.state).toBe("not-satisfied");
    expect(doc["assessment-results"].metadata.title).toBe(
      `Strata assessment of Amazon Bedrock — ${getFramework("soc2")?.name ?? ""}`,
    );
  });

  it("keeps MANUAL and ATTESTED apart and never satisfied, and records the attestation as an INTERVIEW observation", () => {
    const framework = FRAMEWORKS.find((f) => f.requirements.filter((r) => r.manual).length >= 2);
    if (!framework) throw new Error("no framework with two manual requirements");
    const [attestedReq] = framework.requirements.filter((r) => r.manual && r.checks.length === 0);
    if (!attestedReq) throw new Error("no purely manual requirement");
    const attestation: Attestation = {
      frameworkId: framework.id,
      requirementId: attestedReq.id,
      by: "grc@example.com",
      at: "2026-11-27T07:00:00.000Z",
      text: "Reviewed the access policy.\nSigned off.",
    };
    const doc = buildAssessmentResults(input(demo, [framework.id], [attestation]));
    expect(oscalErrors(doc)).toEqual([]);
    const findings = result(doc).findings ?? [];
    const statuses = findings.map((f) => propValue(f.target.props, "status"));
    expect(statuses).toContain("ATTESTED");
    expect(statuses).toContain("MANUAL");
    for (const f of findings.filter((x) =>
      ["ATTESTED", "MANUAL", "ERROR", "NO_EVIDENCE"].includes(propValue(x.target.props, "status") ?? ""),
    ))
      expect(f.target.status).toMatchObject({ state: "not-satisfied", reason: "other" });
    const attested = findings.find((f) => propValue(f.props, "requirement-id") === attestedReq.id);
    const uuid = attested?.["related-observations"]?.[0]?.["observation-uuid"];
    const observation = result(doc).observations?.find((o) => o.uuid === uuid);
    expect(observation?.methods).toEqual(["INTERVIEW"]);
    expect(observation?.["relevant-evidence"][0]?.remarks).toBe(attestation.text);
  });

  it("is byte-identical for the same input and differs only in last-modified for another `now`", () => {
    const a = JSON.stringify(buildAssessmentResults(input(demo)));
    expect(JSON.stringify(buildAssessmentResults(input(demo)))).toBe(a);
    const later = JSON.stringify(buildAssessmentResults({ ...input(demo), now: new Date("2027-01-01T00:00:00Z") }));
    expect(later).not.toBe(a);
    expect(later.replace("2027-01-01T00:00:00.000Z", NOW.toISOString())).toBe(a);
  });

  it("derives uuids from the scan and its scope, or from an injected source", () => {
    const base = input(demo, ["soc2"]);
    const narrowed = { ...base, scan: { ...base.scan, scope: { ...base.scan.scope, regions: ["us-east-1"] } } };
    const docUuid = (i: AssessmentInput) => buildAssessmentResults(i)["assessment-results"].uuid;
    expect(docUuid(base)).toBe(docUuid(input(demo, ["soc2"])));
    expect(docUuid(narrowed)).not.toBe(docUuid(base));
    const random = buildAssessmentResults({ ...base, uuid: () => randomUUID() });
    expect(oscalErrors(random)).toEqual([]);
    expect(random["assessment-results"].uuid).not.toBe(docUuid(base));
  });

  it("keeps hostile AWS strings as data and the document valid", () => {
    const arn = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/x"}\n  *evil* <script>';
    const doc = buildAssessmentResults(
      input(
        [
          {
            checkId: "guardrail-exists",
            accountId: "111122223333",
            region: "us-east-1",
            resourceArn: arn,
            status: "FAIL",
            message: "  \n ",
            evidence: { name: arn },
          },
        ],
        ["soc2"],
      ),
    );
    expect(oscalErrors(doc)).toEqual([]);
    expect(doc["assessment-results"]["back-matter"]?.resources[0]?.props[0]?.value).toBe(
      'arn:aws:bedrock:us-east-1:111122223333:guardrail/x"} *evil* <script>',
    );
  });
});

describe("the validator", () => {
  it.each([
    ["an observation's methods", (d: Doc) => delete (result(d).observations?.[0] as { methods?: unknown }).methods],
    ["a finding's target", (d: Doc) => delete (result(d).findings?.[0] as { target?: unknown }).target],
    ["reviewed-controls", (d: Doc) => delete (result(d) as { "reviewed-controls"?: unknown })["reviewed-controls"]],
    ["metadata.title", (d: Doc) => delete (d["assessment-results"].metadata as { title?: unknown }).title],
  ])("rejects the document without %s", (_, mutilate) => {
    const doc = structuredClone(buildAssessmentResults(input(demo, ["soc2"])));
    expect(oscalErrors(doc)).toEqual([]);
    mutilate(doc);
    expect(oscalErrors(doc).length).toBeGreaterThan(0);
  });

  it("rejects a control id that is not a token", () => {
    const doc = structuredClone(buildAssessmentResults(input(demo, ["hipaa"])));
    const finding = result(doc).findings?.[0];
    if (finding) finding.target["target-id"] = "164.312(b)";
    expect(oscalErrors(doc).length).toBeGreaterThan(0);
  });
});
