import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { guardrailInventoryResponseSchema } from "@/lib/schemas/guardrail-inventory";
import { guardrailMetricsResponseSchema } from "@/lib/schemas/guardrail-metrics";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { DemoGuardrailMetricsSource } from "@/server/guardrails/metrics/demo/source";
import { NO_SCAN_MESSAGE } from "@/server/guardrails/inventory";
import { GET as inventoryGet } from "./inventory/route";
import { GET as metricsGet } from "./metrics/route";

const END = new Date("2026-11-28T00:00:00Z");
const session = vi.hoisted(() => ({ current: null as Session | null }));
const deps = vi.hoisted((): { db: unknown; source: unknown } => ({ db: undefined, source: undefined }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/db", () => ({ getDb: () => Promise.resolve(deps.db) }));
vi.mock("@/server/guardrails/metrics", () => ({ getGuardrailMetricsSource: () => Promise.resolve(deps.source) }));

function as(role: Role | null): void {
  session.current = role
    ? { user: { id: role, name: role, email: `${role}@example.test`, role }, expires: "2099-01-01T00:00:00.000Z" }
    : null;
}
const ctx = () => ({ params: Promise.resolve({}) });
const get = (handler: typeof metricsGet, path: string) => handler(new NextRequest(`http://127.0.0.1${path}`), ctx());
const message = async (r: Response) => ((await r.json()) as { error: { message: string; details?: unknown } }).error;

let t: TestDb;
beforeAll(async () => {
  t = await sqliteTestDb();
  deps.db = t.db;
  deps.source = new DemoGuardrailMetricsSource(() => END);
});
afterAll(() => t.close());

describe("GET /api/guardrails/inventory", () => {
  it("answers a viewer with the empty state before any scan, uncached", async () => {
    as("viewer");
    const r = await get(inventoryGet, "/api/guardrails/inventory");
    expect(r.status).toBe(200);
    expect(r.headers.get("Cache-Control")).toBe("no-store");
    expect(guardrailInventoryResponseSchema.parse(await r.json()).emptyMessage).toBe(NO_SCAN_MESSAGE);
  });

  it("rejects a bad filter with the field's message, and anyone signed out", async () => {
    as("viewer");
    const bad = await get(inventoryGet, "/api/guardrails/inventory?account=12");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await message(bad))).toContain("12 digits");
    as(null);
    expect((await get(inventoryGet, "/api/guardrails/inventory")).status).toBe(401);
  });
});

describe("GET /api/guardrails/metrics", () => {
  it("returns the source's metrics for the range, bucket and filters", async () => {
    as("analyst");
    const r = await get(
      metricsGet,
      `/api/guardrails/metrics?from=2026-11-26T00:00:00Z&to=2026-11-28T00:00:00Z&bucket=hour&account=418272790315&region=eu-west-1`,
    );
    expect(r.status).toBe(200);
    const body = guardrailMetricsResponseSchema.parse(await r.json());
    expect(body.targets.map((x) => [x.accountId, x.region])).toEqual([["418272790315", "eu-west-1"]]);
    expect(body.targets[0]?.guardrails[0]?.points).toHaveLength(48);
  });

  it("refuses more than 2,000 points per series, an inverted range and a bad date with a clear 400", async () => {
    as("viewer");
    const tooFine = await get(
      metricsGet,
      "/api/guardrails/metrics?from=2026-11-01T00:00:00Z&to=2026-11-28T00:00:00Z&bucket=minute",
    );
    expect(tooFine.status).toBe(400);
    expect((await message(tooFine)).message).toBe(
      "That range has 38,880 minute buckets, more than 2,000 points per series; use a larger bucket or a shorter range.",
    );
    const inverted = await get(metricsGet, "/api/guardrails/metrics?from=2026-11-28T00:00:00Z&to=2026-11-01T00:00:00Z");
    expect(inverted.status).toBe(400);
    expect((await message(inverted)).message).toContain("must be before");
    const tooLong = await get(metricsGet, "/api/guardrails/metrics?from=2024-01-01T00:00:00Z&to=2026-11-28T00:00:00Z&bucket=day");
    expect((await message(tooLong)).message).toMatch(/at most 455 days/);
    const badDate = await get(metricsGet, "/api/guardrails/metrics?from=yesterday");
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(await message(badDate))).toContain("ISO-8601");
    const badBucket = await get(metricsGet, "/api/guardrails/metrics?bucket=week");
    expect(JSON.stringify(await message(badBucket))).toContain("minute, hour or day");
    // 83 days by hour is 1,992 points: allowed.
    const ok = await get(metricsGet, "/api/guardrails/metrics?from=2026-09-06T00:00:00Z&to=2026-11-28T00:00:00Z&bucket=hour");
    expect(ok.status).toBe(200);
  });
});
