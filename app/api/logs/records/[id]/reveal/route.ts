import { revealRequestSchema } from "@/lib/schemas/log-detail";
import { logRecordParamsSchema } from "@/lib/schemas/log-query";
import { recordAudit } from "@/server/audit/record";
import { route } from "@/server/http/route";
import { getLogStore } from "@/server/logs";
import { readRecord } from "@/server/logs/explorer/records";

/** Bodies for one record, for someone with logs:reveal who said why. The audit row is written first: no unaudited reveal. */
export const POST = route(
  { permission: "logs:reveal", params: logRecordParamsSchema, body: revealRequestSchema },
  async ({ params, body, user, request }) => {
    const record = await readRecord(await getLogStore(), params.id, request.signal);
    await recordAudit({
      actor: user.email ?? user.id,
      role: user.role,
      action: "logs.reveal",
      target: params.id,
      detail: { justification: body.justification, model: record.summary.modelId, at: record.summary.timestamp },
    });
    return record.detail({ reveal: true, canReveal: true });
  },
);
