import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { runDemoScan } from "@/server/scans/testing";
import { inventoryFiles, type ContentFile } from "./inventory";
import { canonicalJson } from "../manifest";
import { REMOVED } from "./sanitise";

/** The parts of the written files these tests read; `raw` is text when the snapshot was not JSON, else the parsed object. */
type SanitisedDoc = { collector: Record<string, unknown>; lambda: unknown; guardrailNote: unknown; accountId: unknown };
type UnparsedDoc = { note: string; raw: string & Record<string, unknown>; problem: string[] };

let t: TestDb;
let scanId: string;
let account: string;

const SECRETS = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLETOKEN",
  presigned:
    "https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAQEXAMPLEKEY12345&X-Amz-Signature=abc123",
  inText: "created with key ASIAQEXAMPLEKEY12345 yesterday",
  envValue: "sk-live-supersecret",
  email: "jane.doe@example.com",
};

async function collect(files: AsyncIterable<ContentFile>) {
  const out: ContentFile[] = [];
  for await (const f of files) out.push(f);
  return out;
}

beforeAll(async () => {
  t = await sqliteTestDb();
  scanId = await runDemoScan(t.db, { at: new Date("2026-03-01T10:00:00Z") });
  const snap = await t.db.selectFrom("inventory_snapshots").selectAll().where("scan_id", "=", scanId).executeTakeFirstOrThrow();
  account = snap.account_id;
  const data = JSON.parse(snap.data_json) as Record<string, unknown>;
  const extra = {
    ...data,
    region: "ap-south-1",
    collector: {
      credentials: {
        accessKeyId: SECRETS.accessKeyId,
        secretAccessKey: SECRETS.secretAccessKey,
        sessionToken: SECRETS.sessionToken,
      },
      reportUrl: SECRETS.presigned,
      note: SECRETS.inText,
      contact: { email: SECRETS.email },
    },
    lambda: [{ functionName: "agent-action", environment: { variables: { OPENAI_API_KEY: SECRETS.envValue } } }],
    guardrailNote: "HIDDEN_DUE_TO_SECURITY_REASONS",
  };
  const row = (region: string, json: string) => ({ ...snap, region, data_json: json });
  await t.db
    .insertInto("inventory_snapshots")
    .values([
      row("ap-south-1", JSON.stringify(extra)),
      row("ca-central-1", "{not json AKIAIOSFODNN7EXAMPLE"),
      row("sa-east-1", JSON.stringify({ ...data, accountId: "not-an-account", secret: { password: "hunter2" } })),
    ])
    .execute();
});
afterAll(() => t.close());

describe("inventoryFiles", () => {
  it("writes one canonical file per snapshot in scope", async () => {
    const files = await collect(inventoryFiles(t.db, scanId, { accounts: [], regions: ["us-east-1", "eu-west-1"] }));
    const rows = await t.db
      .selectFrom("inventory_snapshots")
      .select(["account_id", "region"])
      .where("scan_id", "=", scanId)
      .where("region", "in", ["us-east-1", "eu-west-1"])
      .execute();
    expect(files.map((f) => f.path).sort()).toEqual(rows.map((r) => `inventory/${r.account_id}/${r.region}.json`).sort());
    for (const f of files) expect(f.content.toString("utf8")).toBe(canonicalJson(JSON.parse(f.content.toString("utf8"))));
    const again = await collect(inventoryFiles(t.db, scanId, { accounts: [], regions: ["us-east-1", "eu-west-1"] }));
    expect(again.map((f) => f.content.toString("hex"))).toEqual(files.map((f) => f.content.toString("hex")));
    const one = await collect(inventoryFiles(t.db, scanId, { accounts: [account], regions: ["eu-west-1"] }));
    expect(one.map((f) => f.path)).toEqual([`inventory/${account}/eu-west-1.json`]);
  });

  it("removes credentials, pre-signed queries and environment values; keeps names and AWS's own redaction", async () => {
    const [file] = await collect(inventoryFiles(t.db, scanId, { accounts: [account], regions: ["ap-south-1"] }));
    expect(file!.path).toBe(`inventory/${account}/ap-south-1.json`);
    const text = file!.content.toString("utf8");
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/AKIA|ASIA|X-Amz-Signature/);
    const doc = JSON.parse(text) as SanitisedDoc;
    expect(doc.collector.credentials).toEqual({ accessKeyId: REMOVED, secretAccessKey: REMOVED, sessionToken: REMOVED });
    expect(doc.collector.reportUrl).toBe(`https://bucket.s3.amazonaws.com/report.pdf?${REMOVED}`);
    expect(doc.collector.note).toBe(`created with key ${REMOVED} yesterday`);
    expect(doc.collector.contact).toEqual({ email: REMOVED });
    expect(doc.lambda).toEqual([{ functionName: "agent-action", environment: { variables: { OPENAI_API_KEY: REMOVED } } }]);
    expect(doc.guardrailNote).toBe("HIDDEN_DUE_TO_SECURITY_REASONS");
    expect(doc.accountId).toBe(account);
  });

  it("keeps snapshots that do not parse, as raw text with a note", async () => {
    const files = await collect(inventoryFiles(t.db, scanId, { accounts: [account], regions: ["ca-central-1", "sa-east-1"] }));
    expect(files.map((f) => f.path)).toEqual([
      `inventory/${account}/ca-central-1.unparsed.json`,
      `inventory/${account}/sa-east-1.unparsed.json`,
    ]);
    const [notJson, badShape] = files.map((f) => JSON.parse(f.content.toString("utf8")) as UnparsedDoc);
    expect(notJson!.note).toMatch(/does not match/);
    expect(notJson!.raw).toBe(`{not json ${REMOVED}`);
    expect(badShape!.problem.some((p) => p.startsWith("accountId"))).toBe(true);
    expect(badShape!.raw.accountId).toBe("not-an-account");
    expect(badShape!.raw.secret).toEqual({ password: REMOVED });
  });
});
