import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { exportHistorySchema, exportJobSchema, type ExportJob } from "@/lib/schemas/evidence";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { verifyBundle } from "@/server/evidence/verify";
import { runDemoScan } from "@/server/scans/testing";
import { GET as downloadGet } from "./[exportId]/download/route";
import { GET as jobGet } from "./[exportId]/route";
import { GET as listGet, POST } from "./route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const deps = vi.hoisted((): { db: unknown } => ({ db: undefined }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/db", () => ({ getDb: () => Promise.resolve(deps.db) }));

function as(role: Role | null): void {
  session.current = role
    ? { user: { id: role, name: role, email: `${role}@example.test`, role }, expires: "2099-01-01T00:00:00.000Z" }
    : null;
}
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const post = (body: unknown) =>
  POST(
    new NextRequest("http://127.0.0.1/api/evidence/exports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    ctx(),
  );
const job = async (id: string) => jobGet(new NextRequest(`http://127.0.0.1/api/evidence/exports/${id}`), ctx({ exportId: id }));
const message = async (r: Response) => ((await r.json()) as { error: { message: string } }).error.message;

async function waitUntilBuilt(id: string): Promise<ExportJob> {
  for (let i = 0; i < 600; i += 1) {
    const current = exportJobSchema.parse(await (await job(id)).json());
    if (current.state !== "building") return current;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the export did not finish in 30 s");
}

let t: TestDb;
let scanId: string;
beforeAll(async () => {
  // Before env() first reads it: bundles and the generated signing key go to a fresh folder.
  vi.stubEnv("STRATA_DATA_DIR", mkdtempSync(join(tmpdir(), "strata-exports-")));
  t = await sqliteTestDb();
  deps.db = t.db;
  scanId = await runDemoScan(t.db, { id: "scan-api", at: new Date("2026-11-20T10:00:00Z") });
}, 60_000);
afterAll(() => t.close());

describe("evidence export API", () => {
  it("builds a bundle with progress, streams it, and audits the export and the download", async () => {
    as("auditor");
    const started = await post({ scanId, framework: "soc2", accounts: [], regions: [] });
    expect(started.status).toBe(202);
    const queued = exportJobSchema.parse(await started.json());
    expect(queued.state).toBe("building");
    expect(queued.fileName).toMatch(/^strata-evidence-soc2-scanapi-\d{8}T\d{6}Z\.zip$/);

    const done = await waitUntilBuilt(queued.id);
    expect(done).toMatchObject({ state: "ready", phase: "done", step: done.steps, error: null, previousManifestSha256: null });

    const download = await downloadGet(
      new NextRequest(`http://127.0.0.1/api/evidence/exports/${done.id}/download`),
      ctx({ exportId: done.id }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/zip");
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="${done.fileName}"`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(done.bytes);
    const report = await verifyBundle(bytes);
    expect(report.ok).toBe(true);
    expect(report.manifestSha256).toBe(done.manifestSha256);

    const audit = await t.db.selectFrom("audit_events").select(["action", "actor", "target"]).orderBy("at").execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["evidence.export", "evidence.export.finish", "evidence.download"]),
    );
    expect(audit.find((a) => a.action === "evidence.export")).toMatchObject({ actor: "auditor@example.test", target: scanId });

    // The next export links to this one.
    const next = await waitUntilBuilt(exportJobSchema.parse(await (await post({ scanId, framework: "all" })).json()).id);
    expect(next.previousManifestSha256).toBe(done.manifestSha256);

    // The recorded chain lists both, newest first, linked.
    const listed = await listGet(new NextRequest("http://127.0.0.1/api/evidence/exports"), ctx());
    const history = exportHistorySchema.parse(await listed.json());
    expect(history.exports.map((e) => [e.framework, e.manifestSha256, e.createdBy])).toEqual([
      ["all", next.manifestSha256, "auditor@example.test"],
      ["soc2", done.manifestSha256, "auditor@example.test"],
    ]);
    expect(history).toMatchObject({ end: "first", offChain: 0 });
    const one = exportHistorySchema.parse(
      await (await listGet(new NextRequest("http://127.0.0.1/api/evidence/exports?limit=1"), ctx())).json(),
    );
    expect(one).toMatchObject({ end: "limit", exports: [{ manifestSha256: next.manifestSha256 }] });
  }, 60_000);

  it("deletes bundles no job knows once they are an hour old, and leaves newer ones (another instance may own them)", async () => {
    const dir = join(process.env.STRATA_DATA_DIR ?? "", "exports");
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, "0a0a0a0a-0000-4000-8000-000000000001.zip");
    const fresh = join(dir, "0a0a0a0a-0000-4000-8000-000000000002.zip.part");
    writeFileSync(stale, "old");
    writeFileSync(fresh, "being written elsewhere");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    as("auditor");
    await waitUntilBuilt(exportJobSchema.parse(await (await post({ scanId, framework: "gdpr" })).json()).id);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  }, 60_000);

  it("is refused to roles without reports:export", async () => {
    for (const role of ["viewer", "analyst"] as const) {
      as(role);
      expect((await post({ scanId, framework: "soc2" })).status).toBe(403);
      expect((await listGet(new NextRequest("http://127.0.0.1/api/evidence/exports"), ctx())).status).toBe(403);
    }
    as(null);
    expect((await post({ scanId, framework: "soc2" })).status).toBe(401);
  });

  it("answers bad input with a precise 400, an unknown scan with 404, and an unknown export with 404", async () => {
    as("admin");
    const badFramework = await post({ scanId, framework: "sox" });
    expect(badFramework.status).toBe(400);
    const badAccount = await post({ scanId, framework: "all", accounts: ["12"] });
    expect(badAccount.status).toBe(400);
    expect(JSON.stringify(await badAccount.json())).toContain("12 digits");
    const outside = await post({ scanId, framework: "all", accounts: ["999999999999"] });
    expect(outside.status).toBe(400);
    expect(await message(outside)).toBe(`Scan ${scanId} has no findings for account 999999999999.`);
    expect((await post("{not json")).status).toBe(400);
    const missing = await post({ scanId: "nope", framework: "all" });
    expect(missing.status).toBe(404);
    expect(await message(missing)).toBe("Scan nope was not found.");
    expect((await job("3f0e2b1a-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await job("not-a-uuid")).status).toBe(400);
  });
});
