import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/roles";
import { requirePermission, type SessionUser } from "@/server/auth/session";
import { ValidationError, toHttp } from "./errors";

type Schemas<Q, B, P> = {
  permission: Permission;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
};

export type RouteInput<Q, B, P> = { user: SessionUser; query: Q; body: B; params: P; request: NextRequest };

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const NO_STORE = { "Cache-Control": "no-store" };

function issues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, what: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`Invalid ${what}.`, issues(result.error));
  return result.data;
}

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
}

/**
 * The one route-handler wrapper: session, permission (deny by default), zod parsing of params,
 * query and body, and error mapping. Tenant data is never cached.
 */
export function route<Q = undefined, B = undefined, P = undefined>(
  schemas: Schemas<Q, B, P>,
  handler: (input: RouteInput<Q, B, P>) => Promise<unknown>,
) {
  const handle = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      const user = await requirePermission(schemas.permission);
      const params = parse(schemas.params, await context.params, "path parameters");
      const query = parse(schemas.query, Object.fromEntries(request.nextUrl.searchParams), "query");
      const body = schemas.body ? parse(schemas.body, await readJson(request), "request body") : (undefined as B);
      const result = await handler({ user, query, body, params, request });
      if (result instanceof Response) {
        result.headers.set("Cache-Control", "no-store");
        return result;
      }
      return NextResponse.json(result ?? null, { headers: NO_STORE });
    } catch (error) {
      const { status, body } = toHttp(error);
      return NextResponse.json(body, { status, headers: NO_STORE });
    }
  };
  // Exposed so the route-authorization test can prove every handler demands a permission.
  return Object.assign(handle, { permission: schemas.permission });
}
