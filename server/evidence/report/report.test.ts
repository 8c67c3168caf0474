import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scan } from "@/lib/schemas/scan";
import { addAttestation, type StoredAttestation } from "@/server/compliance/attestations";
import { getCheck } from "@/server/checks/registry";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { getScan } from "@/server/scans/repository";
import { runDemoScan } from "@/server/scans/testing";
import { TRUNCATED_MARKER } from "./excerpt";
import { renderReport } from "./index";
import { flat, pdfText, reportInput } from "./testing";
import type { ReportInput } from "./types";

let t: TestDb;
let scan: Scan;
let attestation: StoredAttestation;
let input: ReportInput;
let pdf: Buffer;
let layout: string;
let raw: string;

const ATTESTATION_TEXT = "Quarterly risk assessment of the Bedrock use cases reviewed by the CISO on 2026-02-27.";

beforeAll(async () => {
  t = await sqliteTestDb();
  await runDemoScan(t.db, { id: "scan-demo", at: new Date("2026-03-01T10:00:00Z") });
  const stored = await getScan(t.db, "scan-demo");
  if (!stored) throw new Error("demo scan missing");
  scan = stored;
  attestation = await addAttestation(t.db, {
    scanId: scan.id,
    frameworkId: "soc2",
    requirementId: "CC3.2",
    by: "Dana Auditor",
    at: "2026-03-01T10:30:00.000Z",
    text: ATTESTATION_TEXT,
    attachment: { name: "risk-assessment-q1.pdf", bytes: new TextEncoder().encode("minutes") },
  });
  input = await reportInput(t.db, scan, { attestations: [attestation] });
  pdf = await renderReport(input);
  layout = pdfText(pdf);
  raw = flat(pdfText(pdf, "-raw"));
}, 60_000);
afterAll(() => t.close());

describe("renderReport on the demo estate", () => {
  it("is a PDF whose every page says which scan and which page it is", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = Number(/page 1 of (\d+)/.exec(layout)?.[1]);
    expect(pages).toBeGreaterThan(10);
    expect(layout).toContain(`Strata evidence report · scan scan-demo · page ${pages} of ${pages}`);
  });

  it("puts the sections in order, each named in the running header", () => {
    const headers = layout.split("\f").map((page) => page.split("\n")[0] ?? "");
    const first = ["Cover", "Summary", "Per-requirement results", "Failing findings", "AWS-inherited scope", "Attestations"].map(
      (section) => headers.findIndex((h) => h.includes(section)),
    );
    expect(first[0]).toBe(0);
    expect(first.every((i) => i >= 0)).toBe(true);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
  });

  it("repeats the table header on every page a requirements table continues on", () => {
    const pages = layout.split("\f").filter((page) => page.split("\n")[0]?.includes("Per-requirement results"));
    expect(pages.length).toBeGreaterThan(input.frameworks.length);
    for (const page of pages) expect(page).toMatch(/ID\s+Requirement\s+Status\s+Mapped checks/);
  });

  it("states the scope, the time, the score and how to verify on the cover", () => {
    const cover = flat(layout.split("\f")[0] ?? "");
    expect(input.covered.accounts).toHaveLength(3);
    for (const account of input.covered.accounts) expect(cover).toContain(account);
    for (const region of input.covered.regions) expect(cover).toContain(region);
    expect(cover).toContain("All accounts of the scan");
    expect(cover).toContain(`${scan.startedAt ?? "?"} (UTC)`);
    const score = scan.score?.overall;
    expect(score?.score).toEqual(expect.any(Number));
    expect(cover).toContain(`${score?.score?.toFixed(1)} / 100`);
    expect(cover).toContain(`Grade ${score?.grade}`);
    expect(cover).toContain(input.keyId);
    expect(cover).toContain("npm run strata -- verify <bundle.zip>");
    for (const { framework } of input.frameworks) expect(cover).toContain(framework.version);
  });

  it("lists every FAIL and ERROR requirement with its title", () => {
    const squash = (s: string) => s.replace(/\s+/g, "");
    const squashed = squash(raw);
    for (const id of ["soc2", "hipaa", "owasp-llm"]) {
      const entry = input.frameworks.find((f) => f.framework.id === id);
      if (!entry) throw new Error(id);
      const failing = entry.result.requirements.filter((r) => r.status === "FAIL" || r.status === "ERROR");
      expect(failing.length).toBeGreaterThan(0);
      for (const r of failing) {
        const requirement = entry.framework.requirements.find((q) => q.id === r.requirementId);
        // Ids like 164.308(a)(1)(ii)(B) wrap inside their cell: compare without whitespace.
        expect(squashed).toContain(squash(`${r.requirementId} ${requirement?.title}`));
      }
    }
  });

  it("prints failing findings with check title, resource, evidence and remediation", async () => {
    const row = await t.db
      .selectFrom("findings")
      .selectAll()
      .where("scan_id", "=", scan.id)
      .where("status", "=", "FAIL")
      .where("severity", "=", "critical")
      .orderBy("check_id")
      .orderBy("resource_arn")
      .executeTakeFirstOrThrow();
    const check = getCheck(row.check_id);
    expect(raw).toContain(`1. ${check?.title}`);
    expect(raw).toContain(row.resource_arn);
    expect(raw).toContain(flat(check?.remediation.console[0] ?? "?"));
    expect(raw).toContain("Evidence excerpt (sanitised)");
    expect(raw).toContain(TRUNCATED_MARKER);
  });

  it("shows the AWS-inherited scope and the attestation", () => {
    const soc2 = input.frameworks[0]?.framework;
    const inherited = soc2?.requirements.find((r) => r.awsInherited);
    expect(raw).toContain(flat(inherited?.awsInherited?.part ?? "?"));
    expect(raw).toContain(ATTESTATION_TEXT);
    expect(raw).toContain("Dana Auditor");
    expect(raw).toContain("risk-assessment-q1.pdf");
    expect(raw).toContain(attestation.attachmentSha256);
  });

  it("gives the same bytes for the same input and dates the file from generatedAt", async () => {
    expect((await renderReport(input)).equals(pdf)).toBe(true);
    const later = await renderReport({ ...input, generatedAt: "2026-03-02T08:00:00.000Z" });
    expect(later.equals(pdf)).toBe(false);
    expect(pdf.includes("(D:20260301110000Z)")).toBe(true);
  });
});
