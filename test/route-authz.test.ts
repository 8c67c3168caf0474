import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PERMISSIONS, ROLES, can, type Permission, type Role } from "@/lib/auth/roles";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const db = vi.hoisted(() => ({ getDb: vi.fn(() => Promise.reject(new Error("no database in the route-authorization test"))) }));

vi.mock("@/server/auth", () => ({
  auth: vi.fn(() => Promise.resolve(session.current)),
  handlers: { GET: vi.fn(), POST: vi.fn() },
  signIn: vi.fn(),
  signOut: vi.fn(),
}));
// A permitted request may reach its handler; it must not touch a real database from a unit test.
vi.mock("@/server/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: db.getDb }));
// Nor open a log store on disk.
vi.mock("@/server/logs", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getLogStore: () => Promise.reject(new Error("no log store in the route-authorization test")),
}));

/** Routes anyone may call, each with the reason. Everything else must go through the route wrapper. */
const PUBLIC_ROUTES: Record<string, string> = {
  "api/auth/[...nextauth]": "Auth.js sign-in, callback and session endpoints: they establish the session",
  "api/ping": "liveness probe for load balancers; returns nothing but ok",
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const APP_DIR = join(process.cwd(), "app");
const DUMMY_ID = "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f";

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(path);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const routes = findRouteFiles(join(APP_DIR, "api"))
  .map((file) => ({ file, id: relative(APP_DIR, file).split(sep).slice(0, -1).join("/") }))
  .sort((a, b) => a.id.localeCompare(b.id));
const protectedRoutes = routes.filter((r) => !(r.id in PUBLIC_ROUTES));

/** `[scanId]` → a valid-looking uuid; `[...slug]` → a one-element list. Params are parsed only after authorization. */
function dummyParams(id: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const segment of id.split("/")) {
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
    const single = /^\[(\w+)\]$/.exec(segment);
    if (catchAll?.[1]) params[catchAll[1]] = [DUMMY_ID];
    else if (single?.[1]) params[single[1]] = DUMMY_ID;
  }
  return params;
}

function urlPath(id: string): string {
  return `/${id
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith("[") ? DUMMY_ID : s))
    .join("/")}`;
}

type Handler = ((request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & {
  permission?: unknown;
};

async function loadHandlers(file: string): Promise<Map<string, Handler>> {
  const mod = (await import(file)) as Record<string, unknown>;
  const handlers = new Map<string, Handler>();
  for (const method of METHODS) {
    const value = mod[method];
    if (value === undefined) continue;
    expect(typeof value, `${method} export of ${file}`).toBe("function");
    handlers.set(method, value as Handler);
  }
  return handlers;
}

function call(handler: Handler, method: string, id: string): Promise<Response> {
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
  const request = new NextRequest(`http://127.0.0.1${urlPath(id)}`, {
    method,
    ...(hasBody ? { body: "{}", headers: { "content-type": "application/json" } } : {}),
  });
  return handler(request, { params: Promise.resolve(dummyParams(id)) });
}

function signInAs(role: Role | null): void {
  session.current = {
    user: { id: `user-${role ?? "none"}`, name: "Test person", email: "person@example.test", role },
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

function permissionOf(handler: Handler, label: string): Permission {
  expect(PERMISSIONS, `${label} must be wrapped with route({ permission })`).toContain(handler.permission);
  return handler.permission as Permission;
}

beforeEach(() => {
  session.current = null;
  db.getDb.mockClear();
  // Permitted calls end in the handler's own 500 (no database); its log line is expected noise.
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("route discovery", () => {
  it("finds the API routes on disk, including ones added later", () => {
    expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(["api/ping", "api/scans", "api/scans/[scanId]"]));
    expect(protectedRoutes.length).toBeGreaterThan(0);
  });

  it("lists no public route that does not exist", () => {
    for (const id of Object.keys(PUBLIC_ROUTES)) expect(routes.map((r) => r.id)).toContain(id);
  });

  it("keeps the liveness probe anonymous", async () => {
    const ping = routes.find((r) => r.id === "api/ping");
    const get = ping && (await loadHandlers(ping.file)).get("GET");
    expect(get).toBeDefined();
    if (get) expect((await call(get, "GET", "api/ping")).status).toBe(200);
  });
});

describe.each(protectedRoutes.map((r) => [r.id, r.file] as const))("/%s", (id, file) => {
  it("exports at least one HTTP method, each wrapped with a permission", async () => {
    const handlers = await loadHandlers(file);
    expect(handlers.size, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const [method, handler] of handlers) permissionOf(handler, `${method} /${id}`);
  });

  it("refuses anonymous callers and sessions without a role with 401", async () => {
    for (const [method, handler] of await loadHandlers(file)) {
      session.current = null;
      expect((await call(handler, method, id)).status, `anonymous ${method} /${id}`).toBe(401);
      signInAs(null);
      expect((await call(handler, method, id)).status, `role-less ${method} /${id}`).toBe(401);
    }
    expect(db.getDb).not.toHaveBeenCalled();
  });

  it("refuses each role that lacks the permission with 403, before any work", async () => {
    for (const [method, handler] of await loadHandlers(file)) {
      const permission = permissionOf(handler, `${method} /${id}`);
      for (const role of ROLES.filter((r) => !can(r, permission))) {
        signInAs(role);
        const response = await call(handler, method, id);
        expect(response.status, `${role} ${method} /${id}`).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
      }
    }
    expect(db.getDb).not.toHaveBeenCalled();
  });

  it("lets each role that has the permission past authorization", async () => {
    for (const [method, handler] of await loadHandlers(file)) {
      const permission = permissionOf(handler, `${method} /${id}`);
      const allowed = ROLES.filter((r) => can(r, permission));
      expect(allowed, `no role can call ${method} /${id}`).not.toHaveLength(0);
      for (const role of allowed) {
        signInAs(role);
        const status = (await call(handler, method, id)).status;
        expect([401, 403], `${role} ${method} /${id} got ${status}`).not.toContain(status);
      }
    }
  });
});
