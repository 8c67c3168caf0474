import "server-only";
import type { Kysely } from "kysely";
import { can } from "@/lib/auth/roles";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db";
import { ForbiddenError } from "@/server/http/errors";

export type AuditEvent = {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  detail: unknown;
};

function parseDetail(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // A hand-edited row must not take the audit page down: show the raw text instead.
    return json;
  }
}

/** The dashboard's own audit log, newest first; only a role with `audit:read` may read it. */
export async function listAuditEvents(db: Kysely<Database>, user: Pick<SessionUser, "role">, limit = 200): Promise<AuditEvent[]> {
  if (!can(user.role, "audit:read")) throw new ForbiddenError("audit:read");
  const rows = await db
    .selectFrom("audit_events")
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(Math.min(Math.max(1, Math.trunc(limit)), 1000))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    role: r.role,
    action: r.action,
    target: r.target,
    detail: parseDetail(r.detail_json),
  }));
}
