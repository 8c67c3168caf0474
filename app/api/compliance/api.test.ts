import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import {
  complianceOverviewSchema,
  frameworkDetailSchema,
  frameworkTrendSchema,
  requirementFindingsPageSchema,
  storedAttestationSchema,
} from "@/lib/schemas/compliance-api";
import { MAX_ATTACHMENT_BYTES } from "@/server/compliance/attestations";
import { getFramework } from "@/server/compliance/frameworks";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { runDemoScan } from "@/server/scans/testing";
import { GET as detailGet } from "./[frameworkId]/route";
import { GET as findingsGet } from "./[frameworkId]/requirements/[requirementId]/findings/route";
import { GET as trendGet } from "./[frameworkId]/trend/route";
import { GET as attachmentGet } from "./attestations/[id]/attachment/route";
import { POST as attestPost } from "./attestations/route";
import { GET as overviewGet } from "./route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const deps = vi.hoisted((): { db: unknown } => ({ db: undefined }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/db", () => ({ getDb: () => Promise.resolve(deps.db) }));

function as(role: Role | null): void {
  session.current = role
    ? { user: { id: role, name: `The ${role}`, email: `${role}@example.test`, role }, expires: "2099-01-01T00:00:00.000Z" }
    : null;
}
type Handler = (request: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = (handler: Handler, path: string, params: Record<string, string> = {}) =>
  handler(new NextRequest(`http://127.0.0.1${path}`), { params: Promise.resolve(params) });
const error = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

function attest(form: FormData | null, headers: Record<string, string> = {}): Promise<Response> {
  const request = new NextRequest("http://127.0.0.1/api/compliance/attestations", {
    method: "POST",
    ...(form ? { body: form } : { body: "{}", headers: { "content-type": "application/json" } }),
    ...(Object.keys(headers).length ? { headers } : {}),
  });
  return attestPost(request, { params: Promise.resolve({}) });
}

const SCAN = "scan-1";
const MANUAL = getFramework("soc2")?.requirements.find((r) => r.manual && r.checks.length === 0)?.id ?? "";
const AUTOMATED = getFramework("soc2")?.requirements.find((r) => !r.manual)?.id ?? "";

function form(fields: Record<string, string>, file?: File): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (file) f.set("file", file);
  return f;
}

let t: TestDb;
beforeAll(async () => {
  t = await sqliteTestDb();
  deps.db = t.db;
  await runDemoScan(t.db, { id: SCAN, at: new Date("2026-11-01T00:00:00Z") });
}, 120_000);
afterAll(() => t.close());

describe("GET /api/compliance", () => {
  it("answers a viewer with every framework for the latest scan, uncached; 401 signed out", async () => {
    as("viewer");
    const r = await get(overviewGet, "/api/compliance");
    expect(r.status).toBe(200);
    expect(r.headers.get("Cache-Control")).toBe("no-store");
    const body = complianceOverviewSchema.parse(await r.json());
    expect(body.scan?.id).toBe(SCAN);
    expect(body.frameworks).toHaveLength(10);
    as(null);
    expect((await get(overviewGet, "/api/compliance")).status).toBe(401);
  });

  it("400s a bad account id and 404s an unknown scan", async () => {
    as("viewer");
    const bad = await get(overviewGet, "/api/compliance?accounts=12");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("12 digits");
    const missing = await get(overviewGet, "/api/compliance?scan=nope");
    expect(missing.status).toBe(404);
    expect((await error(missing)).message).toBe("Scan nope was not found.");
  });
});

describe("GET /api/compliance/[frameworkId] and its trend", () => {
  it("returns the requirements and the trend, and 404s an unknown framework", async () => {
    as("viewer");
    const r = await get(detailGet, "/api/compliance/soc2", { frameworkId: "soc2" });
    expect(r.status).toBe(200);
    const body = frameworkDetailSchema.parse(await r.json());
    expect(body.requirements.length).toBe(getFramework("soc2")?.requirements.length);
    const trend = frameworkTrendSchema.parse(
      await (await get(trendGet, "/api/compliance/soc2/trend", { frameworkId: "soc2" })).json(),
    );
    expect(trend.points.map((p) => p.scanId)).toEqual([SCAN]);
    const unknown = await get(detailGet, "/api/compliance/soc3", { frameworkId: "soc3" });
    expect(unknown.status).toBe(404);
    expect((await error(unknown)).message).toContain('Framework "soc3"');
  });
});

describe("GET …/requirements/[requirementId]/findings", () => {
  it("pages a failing requirement's findings with evidence; 404 for an unknown requirement, 400 for a bad limit", async () => {
    as("viewer");
    const detail = frameworkDetailSchema.parse(
      await (await get(detailGet, "/api/compliance/soc2", { frameworkId: "soc2" })).json(),
    );
    const failing = detail.requirements.find((r) => r.status === "FAIL");
    if (!failing) throw new Error("no failing requirement");
    const params = { frameworkId: "soc2", requirementId: failing.id };
    const r = await get(findingsGet, `/api/compliance/soc2/requirements/x/findings?limit=2&status=FAIL`, params);
    expect(r.status).toBe(200);
    const page = requirementFindingsPageSchema.parse(await r.json());
    expect(page.rows).toHaveLength(2);
    expect(page.rows.every((f) => f.status === "FAIL")).toBe(true);
    expect(typeof page.rows[0]?.evidence).toBe("object");
    const unknown = await get(findingsGet, "/x", { frameworkId: "soc2", requirementId: "CC9.9" });
    expect(unknown.status).toBe(404);
    expect((await error(unknown)).message).toContain('Requirement "CC9.9"');
    expect((await get(findingsGet, "/x?limit=1000", params)).status).toBe(400);
    expect((await get(findingsGet, "/x?status=BROKEN", params)).status).toBe(400);
  });
});

describe("POST /api/compliance/attestations", () => {
  it("refuses every role but admin", async () => {
    for (const role of ["viewer", "analyst", "auditor"] as const) {
      as(role);
      const r = await attest(form({ scanId: SCAN, frameworkId: "soc2", requirementId: MANUAL, text: "x" }));
      expect(r.status, role).toBe(403);
    }
  });

  it("stores an admin's attestation with a file, who and when from the session, audits it, and serves the file to an auditor", async () => {
    as("admin");
    const before = Date.now();
    const r = await attest(
      form(
        { scanId: SCAN, frameworkId: "soc2", requirementId: MANUAL, text: "  Quarterly review done.  ", by: "mallory" },
        new File(["minutes of the review"], 'minutes "q4".txt', { type: "text/plain" }),
      ),
    );
    expect(r.status).toBe(201);
    const stored = storedAttestationSchema.parse(await r.json());
    expect(stored).toMatchObject({
      by: "admin@example.test",
      text: "Quarterly review done.",
      attachmentName: 'minutes "q4".txt',
    });
    expect(Date.parse(stored.at)).toBeGreaterThanOrEqual(before - 1000);

    const audit = await t.db.selectFrom("audit_events").selectAll().where("action", "=", "compliance.attest").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "admin@example.test", target: `soc2 ${MANUAL}` });

    const detail = frameworkDetailSchema.parse(
      await (await get(detailGet, "/api/compliance/soc2", { frameworkId: "soc2" })).json(),
    );
    expect(detail.requirements.find((x) => x.id === MANUAL)).toMatchObject({
      status: "ATTESTED",
      attestation: { id: stored.id },
    });

    as("auditor");
    const file = await get(attachmentGet, "/x", { id: stored.id });
    expect(file.status).toBe(200);
    expect(await file.text()).toBe("minutes of the review");
    expect(file.headers.get("Content-Type")).toBe("application/octet-stream");
    expect(file.headers.get("Content-Disposition")).toBe(
      `attachment; filename="minutes _q4_.txt"; filename*=UTF-8''${encodeURIComponent('minutes "q4".txt')}`,
    );
    as("analyst");
    expect((await get(attachmentGet, "/x", { id: stored.id })).status).toBe(403);
    as("auditor");
    expect((await get(attachmentGet, "/x", { id: "nope" })).status).toBe(404);
  });

  it("refuses a file over 5 MB with a 413, by its declared length, while reading, and by its size", async () => {
    as("admin");
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], "big.bin");
    const r = await attest(form({ scanId: SCAN, frameworkId: "soc2", requirementId: MANUAL, text: "x" }, big));
    expect(r.status).toBe(413);
    expect((await error(r)).message).toBe("The attachment is larger than 5 MB.");
    // No declared length (a streamed form): reading stops at the cap instead of buffering it all.
    const huge = new File([new Uint8Array(MAX_ATTACHMENT_BYTES * 3)], "huge.bin");
    const streamed = await attest(form({ scanId: SCAN, frameworkId: "soc2", requirementId: MANUAL, text: "x" }, huge));
    expect(streamed.status).toBe(413);
    expect((await error(streamed)).message).toBe("The attachment is larger than 5 MB.");
    const declared = await attest(form({ scanId: SCAN, frameworkId: "soc2", requirementId: MANUAL, text: "x" }), {
      "content-length": String(MAX_ATTACHMENT_BYTES * 2),
    });
    expect(declared.status).toBe(413);
    expect((await error(declared)).message).toBe("The attachment is larger than 5 MB.");
  });

  it("refuses a requirement settled by checks, missing fields, an unknown scan and a JSON body", async () => {
    as("admin");
    const automated = await attest(form({ scanId: SCAN, frameworkId: "soc2", requirementId: AUTOMATED, text: "x" }));
    expect(automated.status).toBe(400);
    expect((await error(automated)).message).toContain("only MANUAL requirements take an attestation");
    const missing = await attest(form({ scanId: SCAN, frameworkId: "soc2", text: "  " }));
    expect(missing.status).toBe(400);
    expect((await error(missing)).message).toBe("Missing requirementId, text.");
    const scan = await attest(form({ scanId: "nope", frameworkId: "soc2", requirementId: MANUAL, text: "x" }));
    expect(scan.status).toBe(404);
    const json = await attest(null);
    expect(json.status).toBe(400);
    expect((await error(json)).message).toContain("multipart/form-data");
  });
});
