import { can } from "@/lib/auth/roles";
import { logRecordParamsSchema } from "@/lib/schemas/log-query";
import { route } from "@/server/http/route";
import { getLogStore } from "@/server/logs";
import { readRecord } from "@/server/logs/explorer/records";

/** The record with its bodies redacted; the reveal route is the only way to the bodies. */
export const GET = route({ permission: "logs:read", params: logRecordParamsSchema }, async ({ params, user, request }) => {
  const record = await readRecord(await getLogStore(), params.id, request.signal);
  return record.detail({ reveal: false, canReveal: can(user.role, "logs:reveal") });
});
