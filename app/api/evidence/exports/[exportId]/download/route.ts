import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { exportParamsSchema } from "@/lib/schemas/evidence";
import { recordAudit } from "@/server/audit/record";
import { exportFile } from "@/server/evidence/export/jobs";
import { route } from "@/server/http/route";

/** Streams a finished bundle from disk; every download is audited, like the export itself. */
export const GET = route({ permission: "reports:export", params: exportParamsSchema }, async ({ params, user }) => {
  const file = exportFile(params.exportId);
  await recordAudit({
    actor: user.email ?? user.id,
    role: user.role,
    action: "evidence.download",
    target: params.exportId,
    detail: { fileName: file.fileName, bytes: file.bytes },
  });
  const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(file.bytes),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    },
  });
});
