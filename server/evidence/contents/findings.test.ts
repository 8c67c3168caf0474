import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCheck } from "@/server/checks/registry";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { NotFoundError } from "@/server/http/errors";
import { runDemoScan } from "@/server/scans/testing";
import { CSV_COLUMNS, findingsCsv, findingsJson, type ExportedFinding, type FindingsInput } from "./findings";
import { canonicalJson } from "../manifest";

let t: TestDb;
let scanId: string;
const generatedBy = { name: "Strata", version: "0.1.0" };
const input = (over: Partial<FindingsInput> = {}): FindingsInput => ({
  db: t.db,
  scanId,
  scope: { accounts: [], regions: [] },
  framework: "all",
  generatedBy,
  ...over,
});

async function text(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts).toString("utf8");
}

type Doc = { findings: ExportedFinding[]; scan: { id: string; score?: number }; scope: unknown; framework: string };
const json = async (i: FindingsInput) => JSON.parse(await text(findingsJson(i))) as Doc;

/** RFC 4180: quoted fields may hold commas, CRLF and doubled quotes. */
function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted && ch === '"' && src[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  expect(cell).toBe("");
  expect(row).toEqual([]);
  return rows;
}

const NASTY = [
  { id: "zz-1", message: 'Said "hello", then\r\nleft, again', evidence: { note: 'a "quoted", value\nnext line' } },
  { id: "zz-2", message: '=HYPERLINK("http://evil")', evidence: { cell: "+1+2" } },
  { id: "zz-3", message: "-2+3", evidence: {} },
  { id: "zz-4", message: "@SUM(A1)", evidence: {} },
  { id: "zz-5", message: "\tcmd", evidence: {} },
];

beforeAll(async () => {
  t = await sqliteTestDb();
  scanId = await runDemoScan(t.db, { at: new Date("2026-03-01T10:00:00Z") });
  const base = await t.db.selectFrom("findings").selectAll().where("scan_id", "=", scanId).executeTakeFirstOrThrow();
  for (const n of NASTY)
    await t.db
      .insertInto("findings")
      .values({ ...base, id: n.id, message: n.message, evidence_json: JSON.stringify(n.evidence) })
      .execute();
  // Stored evidence that is not JSON is kept as text, not dropped.
  await t.db
    .insertInto("findings")
    .values({ ...base, id: "zz-6", evidence_json: "{broken" })
    .execute();
});
afterAll(() => t.close());

async function dbIds(accounts: string[], regions: string[]) {
  let q = t.db.selectFrom("findings").select("id").where("scan_id", "=", scanId);
  if (accounts.length) q = q.where("account_id", "in", accounts);
  if (regions.length) q = q.where("region", "in", [...regions, "global"]);
  return (await q.execute()).map((r) => r.id).sort();
}

describe("findingsJson", () => {
  it("lists every finding of the scan exactly once, sorted, with registry metadata", async () => {
    const doc = await json(input());
    const ids = doc.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(await dbIds([], []));
    expect(ids.length).toBeGreaterThan(500);
    const key = (f: ExportedFinding) => [f.checkId, f.accountId, f.region, f.resourceArn, f.id];
    for (let i = 1; i < doc.findings.length; i++) {
      const [a, b] = [key(doc.findings[i - 1]!), key(doc.findings[i]!)];
      const cmp = a.findIndex((v, k) => v !== b[k]);
      expect(cmp === -1 || a[cmp]! < b[cmp]!).toBe(true);
    }
    const f = doc.findings.find((x) => x.id !== "zz-6" && !x.id.startsWith("zz"))!;
    const check = getCheck(f.checkId)!;
    expect(f).toMatchObject({ title: check.title, severity: check.severity, category: check.category });
    expect(Object.keys(f.requirements).sort()).toEqual(Object.keys(check.frameworks).sort());
    expect(typeof f.evidence).toBe("object");
    expect(doc.findings.find((x) => x.id === "zz-6")!.evidence).toEqual({ unparsed: "{broken" });
    expect(doc.scan).toMatchObject({ id: scanId, source: "demo" });
    expect(typeof doc.scan.score).toBe("number");
  });

  it("is canonical JSON and the same bytes every time", async () => {
    const a = await text(findingsJson(input()));
    expect(await text(findingsJson(input()))).toBe(a);
    expect(a).toBe(canonicalJson(JSON.parse(a)));
  });

  it("narrows requirements to the export's framework", async () => {
    const some = (await json(input())).findings.find((f) => Object.keys(f.requirements).length > 1)!;
    const fw = Object.keys(some.requirements)[0]!;
    const doc = await json(input({ framework: fw }));
    expect(doc.framework).toBe(fw);
    for (const f of doc.findings) expect(Object.keys(f.requirements).every((k) => k === fw)).toBe(true);
    expect(doc.findings.find((f) => f.id === some.id)!.requirements).toEqual({ [fw]: some.requirements[fw] });
  });

  it("keeps only the scope's accounts and regions, with account-level findings in every region", async () => {
    const all = (await json(input())).findings;
    const account = all[0]!.accountId;
    const doc = await json(input({ scope: { accounts: [account], regions: ["eu-west-1"] } }));
    expect(doc.scope).toEqual({ accounts: [account], regions: ["eu-west-1"] });
    expect(doc.findings.map((f) => f.id).sort()).toEqual(await dbIds([account], ["eu-west-1"]));
    expect(new Set(doc.findings.map((f) => f.accountId))).toEqual(new Set([account]));
    expect(new Set(doc.findings.map((f) => f.region))).toEqual(new Set(["eu-west-1", "global"]));
    expect(doc.findings.length).toBeLessThan(all.length);
    const empty = await json(input({ scope: { accounts: ["000000000000"], regions: [] } }));
    expect(empty.findings).toEqual([]);
  });

  it("rejects an unknown scan", async () => {
    await expect(text(findingsJson(input({ scanId: "nope" })))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("findingsCsv", () => {
  it("round-trips through an RFC 4180 parser, one row per finding, formulas defused", async () => {
    const csv = await text(findingsCsv(input()));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const doc = await json(input());
    expect(rows.length - 1).toBe(doc.findings.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const byId = new Map(rows.slice(1).map((r) => [r[col("id")]!, r]));
    for (const f of doc.findings) {
      const r = byId.get(f.id)!;
      expect(r).toHaveLength(CSV_COLUMNS.length);
      expect(JSON.parse(r[col("evidence")]!)).toEqual(f.evidence);
      expect(r[col("resource_arn")]).toBe(f.resourceArn);
    }
    expect(byId.get("zz-1")![col("message")]).toBe(NASTY[0]!.message);
    expect(byId.get("zz-2")![col("message")]).toBe(`'${NASTY[1]!.message}`);
    expect(byId.get("zz-3")![col("message")]).toBe("'-2+3");
    expect(byId.get("zz-4")![col("message")]).toBe("'@SUM(A1)");
    expect(byId.get("zz-5")![col("message")]).toBe("'\tcmd");
    expect(await text(findingsCsv(input()))).toBe(csv);
  });
});
