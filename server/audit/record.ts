import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/server/db";

export type AuditInput = { actor: string; role: string; action: string; target: string | null; detail?: unknown };

/** Who did what in the dashboard; admins read these on the audit page. */
export async function recordAudit(event: AuditInput, at = new Date()): Promise<void> {
  const db = await getDb();
  await db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      at: at.toISOString(),
      actor: event.actor,
      role: event.role,
      action: event.action,
      target: event.target,
      detail_json: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}
