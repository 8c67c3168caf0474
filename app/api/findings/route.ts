import { resolveScan } from "@/server/posture/resolve-scan";
import { findingsQuerySchema } from "@/lib/schemas/posture";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";
import { listFindings } from "@/server/posture/findings";

export const GET = route({ permission: "posture:read", query: findingsQuerySchema }, async ({ query }) => {
  const db = await getDb();
  const scan = await resolveScan(db, query.scan);
  return listFindings(db, scan?.id ?? null, query);
});
