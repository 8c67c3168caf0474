import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { guardrailTrendsSchema } from "@/lib/schemas/guardrail-trends";
import { SqliteLogStore } from "@/server/logs/store/sqlite";
import { generateRecords } from "@/server/logs/store/testing/records";
import { GET } from "./route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const deps = vi.hoisted((): { store: unknown } => ({ store: undefined }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/logs", () => ({ getLogStore: () => Promise.resolve(deps.store), logStoreKind: () => "embedded" }));

const records = generateRecords(90);
// generateRecords() spreads its records over the days after 2025-03-01.
const FILTER = encodeURIComponent(JSON.stringify({ from: "2025-02-28T00:00:00Z", to: "2025-03-04T00:00:00Z" }));

function as(role: Role): void {
  session.current = {
    user: { id: `${role}-1`, name: role, email: `${role}@example.test`, role },
    expires: "2099-01-01T00:00:00.000Z",
  };
}
const get = (query: string) =>
  GET(new NextRequest(`http://127.0.0.1/api/guardrails/trends?${query}`), { params: Promise.resolve({}) });

beforeAll(async () => {
  const store = new SqliteLogStore(":memory:");
  await store.insert(records);
  deps.store = store;
});

describe("GET /api/guardrails/trends", () => {
  it("answers the trends of the filter, bucket by bucket", async () => {
    as("auditor");
    const response = await get(`filter=${FILTER}&bucket=day`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const trends = guardrailTrendsSchema.parse(await response.json());
    expect(trends.points.map((p) => p.t)).toEqual([
      "2025-02-28T00:00:00.000Z",
      "2025-03-01T00:00:00.000Z",
      "2025-03-02T00:00:00.000Z",
      "2025-03-03T00:00:00.000Z",
    ]);
    expect(trends.points.reduce((n, p) => n + p.invocations, 0)).toBe(records.length);
    const interventions = records.filter((r) => r.guardrail.action === "INTERVENED").length;
    expect(interventions).toBeGreaterThan(0);
    expect(trends.points.reduce((n, p) => n + p.interventions, 0)).toBe(interventions);
  });

  it("refuses a minute bucket and a bad filter with the field's message", async () => {
    as("analyst");
    const minute = await get(`filter=${FILTER}&bucket=minute`);
    expect(minute.status).toBe(400);
    expect(JSON.stringify(await minute.json())).toContain("Bucket is hour or day.");
    const bad = await get(`filter=${encodeURIComponent('{"from":"yesterday","to":"now"}')}&bucket=day`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("ISO-8601");
  });

  it("is closed to a viewer, whose role cannot read invocation logs", async () => {
    as("viewer");
    expect((await get(`filter=${FILTER}&bucket=day`)).status).toBe(403);
  });
});
