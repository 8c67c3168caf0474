import { can } from "@/lib/auth/roles";
import { logExportQuerySchema } from "@/lib/schemas/log-query";
import { recordAudit } from "@/server/audit/record";
import { ForbiddenError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { getLogStore } from "@/server/logs";
import { exportRecords } from "@/server/logs/explorer/export";

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson; charset=utf-8" } as const;

/** The whole filtered set, streamed; bodies need logs:reveal and a justification, and every export is audited. */
export const GET = route({ permission: "logs:read", query: logExportQuerySchema }, async ({ query, user, request }) => {
  if (query.bodies && !can(user.role, "logs:reveal")) throw new ForbiddenError("logs:reveal");
  const store = await getLogStore();
  await recordAudit({
    actor: user.email ?? user.id,
    role: user.role,
    action: query.bodies ? "logs.export_bodies" : "logs.export",
    target: null,
    detail: { format: query.format, filter: query.filter, ...(query.bodies ? { justification: query.justification } : {}) },
  });
  const stamp = new Date()
    .toISOString()
    .replaceAll(":", "")
    .replace(/\.\d+Z$/, "Z");
  const file = `strata-invocations-${stamp}${query.bodies ? "-with-bodies" : ""}.${query.format}`;
  return new Response(
    exportRecords(store, query.filter, { format: query.format, bodies: query.bodies, signal: request.signal }),
    {
      headers: {
        "Content-Type": CONTENT_TYPE[query.format],
        "Content-Disposition": `attachment; filename="${file}"`,
        "X-Content-Type-Options": "nosniff",
      },
    },
  );
});
