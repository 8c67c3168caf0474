import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestSchema, type ExportRequest } from "@/lib/schemas/evidence";
import { addAttestation } from "@/server/compliance/attestations";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { ConflictError, NotFoundError, ValidationError } from "@/server/http/errors";
import { insertScan } from "@/server/scans/repository";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { runDemoScan } from "@/server/scans/testing";
import { memoryChainStore, sha256Hex } from "../manifest";
import { complianceFindingSchema, validateOcsfRecord } from "../ocsf/validate";
import { oscalErrors } from "../oscal/testing";
import { testKey, unzipEntries } from "../testing";
import { verifyBundle } from "../verify";
import { buildEvidenceBundle } from "./build";
import { GENERATOR } from "./generator";

const AT = new Date("2026-11-20T10:00:00Z");
let t: TestDb;
let scanId: string;

beforeAll(async () => {
  t = await sqliteTestDb();
  scanId = await runDemoScan(t.db, { id: "scan-export", at: AT });
}, 60_000);
afterAll(() => t.close());

async function exportBundle(request: Partial<ExportRequest>, chain = memoryChainStore()) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const phases: string[] = [];
  const result = await buildEvidenceBundle(
    {
      db: t.db,
      request: { scanId, framework: "all", accounts: [], regions: [], ...request },
      key: await testKey(),
      chain,
      generator: GENERATOR,
      now: new Date("2026-11-21T08:00:00Z"),
      onProgress: (p) => phases.push(p.phase),
    },
    out,
  );
  const zip = Buffer.concat(chunks);
  return { ...result, zip, files: new Map(unzipEntries(zip)), phases };
}

describe("buildEvidenceBundle", () => {
  it("writes every file DESIGN.md lists, signed, and the bundle verifies", async () => {
    const { zip, files, manifest, phases } = await exportBundle({});
    const paths = [...files.keys()];
    for (const path of [
      "report.pdf",
      "findings.json",
      "findings.csv",
      "ocsf/compliance-findings.jsonl",
      "oscal/assessment-results.json",
      "manifest.json",
      "manifest.sig",
      "public-key.pem",
    ])
      expect(paths).toContain(path);
    expect(paths.some((p) => /^inventory\/\d{12}\/[a-z0-9-]+\.json$/.test(p))).toBe(true);
    expect(files.get("report.pdf")?.subarray(0, 5).toString()).toBe("%PDF-");
    expect(phases).toEqual(["evaluating", "report", "findings", "ocsf", "oscal", "inventory", "attestations", "signing"]);

    const report = await verifyBundle(zip);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    // The manifest names the accounts and regions actually exported, never "[]" for "all".
    expect(manifest.scope.accounts.length).toBeGreaterThan(1);
    expect(manifest.scope.regions).toContain("eu-west-1");
    expect(manifestSchema.parse(JSON.parse(files.get("manifest.json")?.toString() ?? "")).framework).toBe("all");
  }, 60_000);

  it("writes OSCAL that validates against the shipped schema and OCSF records the validator accepts", async () => {
    const { files } = await exportBundle({ framework: "hipaa" });
    expect(oscalErrors(JSON.parse(files.get("oscal/assessment-results.json")?.toString() ?? "null"))).toEqual([]);
    const lines = (files.get("ocsf/compliance-findings.jsonl")?.toString() ?? "").trimEnd().split("\n");
    const findings = JSON.parse(files.get("findings.json")?.toString() ?? "{}") as { findings: unknown[] };
    expect(lines).toHaveLength(findings.findings.length);
    const schema = complianceFindingSchema();
    const problems = lines.slice(0, 200).flatMap((line) => validateOcsfRecord(JSON.parse(line), schema));
    expect(problems).toEqual([]);
  }, 60_000);

  it("narrows every file to the accounts and regions asked for", async () => {
    const all = await exportBundle({});
    const account = all.manifest.scope.accounts[0] ?? "";
    const { files, manifest } = await exportBundle({ accounts: [account], regions: ["us-east-1"] });
    expect(manifest.scope).toEqual({ accounts: [account], regions: ["us-east-1"] });
    const doc = JSON.parse(files.get("findings.json")?.toString() ?? "{}") as {
      findings: { accountId: string; region: string }[];
    };
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(doc.findings.every((f) => f.accountId === account && ["us-east-1", "global"].includes(f.region))).toBe(true);
    const inventory = [...files.keys()].filter((p) => p.startsWith("inventory/"));
    expect(inventory).toEqual([`inventory/${account}/us-east-1.json`]);
  }, 60_000);

  it("links each export to the previous one's manifest", async () => {
    const chain = memoryChainStore();
    const first = await exportBundle({ framework: "soc2" }, chain);
    const second = await exportBundle({ framework: "soc2" }, chain);
    expect(first.previousManifestSha256).toBeNull();
    expect(second.manifest.previousManifestSha256).toBe(sha256Hex(first.files.get("manifest.json") ?? ""));
    expect(second.previousManifestSha256).toBe(first.manifestSha256);
  }, 60_000);

  it("carries attestations and their attachments, covered by the manifest", async () => {
    await addAttestation(t.db, {
      scanId,
      frameworkId: "soc2",
      requirementId: "CC3.2",
      by: "grc@example.test",
      at: "2026-11-20T12:00:00.000Z",
      text: "Board oversight reviewed in the Q3 meeting.",
      attachment: { name: "../minutes Q3.pdf", bytes: new TextEncoder().encode("minutes") },
    });
    const { files, manifest } = await exportBundle({ framework: "soc2" });
    const listed = JSON.parse(files.get("attestations/attestations.json")?.toString() ?? "{}") as {
      attestations: { requirementId: string; attachmentPath: string; attachmentSha256: string }[];
    };
    const [a] = listed.attestations;
    expect(a?.requirementId).toBe("CC3.2");
    // The uploader's name never becomes a path outside the attestation's folder.
    expect(a?.attachmentPath).toMatch(/^attestations\/[0-9a-f-]+\/__minutes_Q3\.pdf$/);
    expect(files.get(a?.attachmentPath ?? "")?.toString()).toBe("minutes");
    expect(manifest.files.find((f) => f.path === a?.attachmentPath)?.sha256).toBe(a?.attachmentSha256);
    // A framework the attestation is not about does not carry it.
    const other = await exportBundle({ framework: "hipaa" });
    expect([...other.files.keys()].some((p) => p.startsWith("attestations/"))).toBe(false);
  }, 60_000);

  it("refuses an unknown scan, an unfinished scan and a scope outside the scan before writing anything", async () => {
    await expect(exportBundle({ scanId: "nope" })).rejects.toBeInstanceOf(NotFoundError);
    await insertScan(t.db, {
      id: "scan-running",
      source: "demo",
      requestedBy: "test",
      settings: DEFAULT_CHECK_SETTINGS,
      now: AT.toISOString(),
    });
    await expect(exportBundle({ scanId: "scan-running" })).rejects.toBeInstanceOf(ConflictError);
    await expect(exportBundle({ accounts: ["999999999999"] })).rejects.toThrow(
      new ValidationError(`Scan ${scanId} has no findings for account 999999999999.`),
    );
    await expect(exportBundle({ regions: ["af-south-1"] })).rejects.toThrow(/no findings in region af-south-1/);
  }, 60_000);
});
