import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scan } from "@/lib/schemas/scan";
import type { StoredAttestation } from "@/server/compliance/attestations";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { getScan, insertScan } from "@/server/scans/repository";
import { REMOVED } from "../contents/sanitise";
import { renderReport } from "./index";
import { flat, pdfText, reportInput } from "./testing";

let t: TestDb;
const check = CHECKS[0];
if (!check) throw new Error("no checks registered");

type Row = { scan: string; arn: string; status: string; severity: string; message?: string; evidence?: unknown; region?: string };
const rows = (list: Row[]) =>
  list.map((r) => ({
    id: randomUUID(),
    scan_id: r.scan,
    check_id: check.id,
    account_id: "111122223333",
    region: r.region ?? "eu-west-1",
    resource_arn: r.arn,
    status: r.status,
    severity: r.severity,
    category: check.category,
    message: r.message ?? `Finding for ${r.arn}`,
    evidence_json: JSON.stringify(r.evidence ?? { arn: r.arn }),
  }));

async function scanWith(id: string, findings: Omit<Row, "scan">[]): Promise<Scan> {
  await insertScan(t.db, {
    id,
    source: "synthetic",
    requestedBy: "test",
    settings: DEFAULT_CHECK_SETTINGS,
    now: "2026-03-01T10:00:00.000Z",
  });
  // Only one scan may be active at a time; these are finished scans, like the ones an export reads.
  await t.db
    .updateTable("scans")
    .set({ status: "completed", started_at: "2026-03-01T10:00:00.000Z", finished_at: "2026-03-01T10:01:00.000Z" })
    .where("id", "=", id)
    .execute();
  const values = rows(findings.map((f) => ({ ...f, scan: id })));
  for (let i = 0; i < values.length; i += 200)
    await t.db
      .insertInto("findings")
      .values(values.slice(i, i + 200))
      .execute();
  const scan = await getScan(t.db, id);
  if (!scan) throw new Error(id);
  return scan;
}

beforeAll(async () => {
  t = await sqliteTestDb();
});
afterAll(() => t.close());

describe("renderReport limits", () => {
  it("prints the first 1,000 failing findings in severity order and says how many were left out", async () => {
    const low = Array.from({ length: 1000 }, (_, i) => ({
      arn: `arn:aws:iam::111122223333:role/low-${String(i).padStart(4, "0")}`,
      status: "FAIL",
      severity: "low",
    }));
    // Streamed last (resource order), printed first: severity outranks the stream order.
    const critical = [1, 2].map((i) => ({
      arn: `arn:aws:iam::111122223333:role/zz-crit-${i}`,
      status: "FAIL",
      severity: "critical",
    }));
    const error = { arn: "arn:aws:iam::111122223333:role/zz-error", status: "ERROR", severity: "high" };
    const passing = { arn: "arn:aws:iam::111122223333:role/fine", status: "PASS", severity: "critical" };
    const scan = await scanWith("scan-cap", [...low, ...critical, error, passing]);
    const text = flat(pdfText(await renderReport(await reportInput(t.db, scan)), "-raw"));

    expect(text).toContain("1,003 findings in scope failed or could not be evaluated");
    expect(text).toContain(
      "Only the first 1,000 are printed here; 3 more failing findings were left out. findings.json in this bundle has all of them.",
    );
    expect(text.indexOf("zz-crit-1")).toBeGreaterThan(0);
    expect(text.indexOf("zz-crit-1")).toBeLessThan(text.indexOf("low-0000"));
    expect(text).toContain("low-0997");
    expect(text).not.toContain("low-0998");
    expect(text).not.toContain("zz-error");
    expect(text).not.toContain("role/fine");
    expect(text).toContain("Not scored");
  }, 60_000);
});

const HOSTILE =
  "Zürich façade naïve – “quoted” Привет Ελληνικά ✓ \u0000\u0007\u001b[31mred\u202Eevil\u2066 中文 😀 עברית عربي \uD800 end";

describe("renderReport with hostile text", () => {
  it("never throws, strips control characters and keeps the rest", async () => {
    const arn = `arn:aws:s3:::bucket-<>&"'\\-${"x".repeat(3000)}`;
    const scan = await scanWith("scan-hostile\u0007", [
      { arn, status: "FAIL", severity: "high", message: HOSTILE, evidence: { note: HOSTILE, big: "y".repeat(5000) } },
      {
        arn: "arn:aws:iam::111122223333:role/global",
        status: "FAIL",
        severity: "medium",
        region: "global",
        message: "x".repeat(20_000),
      },
      {
        arn: "arn:aws:iam::111122223333:user/leaky",
        status: "ERROR",
        severity: "low",
        message: "Key AKIAABCDEFGHIJKLMNOP is active",
      },
    ]);
    const attestation: StoredAttestation = {
      id: "a1",
      scanId: scan.id,
      frameworkId: "soc2",
      requirementId: "CC3.2",
      by: `Eve ${HOSTILE}`,
      at: "2026-03-01T10:30:00.000Z",
      text: `First line\nSecond line ${HOSTILE}`,
      attachmentName: "evil\u0000name.pdf",
      attachmentSha256: "0".repeat(64),
    };
    const input = await reportInput(t.db, scan, {
      scope: { accounts: ["111122223333"], regions: ["eu-west-1"] },
      attestations: [attestation],
    });
    const pdf = await renderReport(input);
    const text = pdfText(pdf);
    const raw = flat(pdfText(pdf, "-raw"));

    expect(raw).toContain("Zürich façade naïve – “quoted” Привет");
    expect(raw).toContain("[31mredevil");
    // Glyphs Geist lacks print as boxes but extract as themselves (ActualText); poppler may reorder RTL runs.
    expect(raw).toContain("Ελληνικά ✓");
    expect(raw).toContain("中文 😀");
    expect(raw.includes("עברית") || raw.includes("תירבע")).toBe(true);
    expect(raw.includes("عربي") || raw.includes("يبرع")).toBe(true);
    expect(raw).toContain("evilname.pdf");
    expect(raw).toContain("Second line");
    expect(raw.replace(/\s+/g, "")).toContain(arn.slice(0, 200));
    expect(text).toContain("scan scan-hostile ·");
    for (const control of ["\u0000", "\u0007", "\u001b", "\u202E", "\u2066"]) expect(text).not.toContain(control);
    expect(raw).toContain(`Key ${REMOVED} is active`);
    expect(raw).not.toContain("AKIAABCDEFGHIJKLMNOP");
    expect(raw).toContain("eu-west-1");
    expect(raw).toContain("111122223333");
  }, 60_000);
});

describe("renderReport input checks", () => {
  it("names the bad field instead of writing a wrong document", async () => {
    const scan = await scanWith("scan-bad-input", []);
    const input = await reportInput(t.db, scan);
    await expect(renderReport({ ...input, generatedAt: "yesterday" })).rejects.toThrow(
      'generatedAt "yesterday" is not an ISO date',
    );
    await expect(renderReport({ ...input, frameworks: [] })).rejects.toThrow("at least one framework");
  });
});
