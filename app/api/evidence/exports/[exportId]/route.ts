import { exportParamsSchema } from "@/lib/schemas/evidence";
import { getExport } from "@/server/evidence/export/jobs";
import { route } from "@/server/http/route";

/** Progress of one export: phase, step of steps, bytes so far; then the manifest hash or the error. */
export const GET = route({ permission: "reports:export", params: exportParamsSchema }, async ({ params }) =>
  getExport(params.exportId),
);
