import { z } from "zod";
import { resolveScan } from "@/server/posture/resolve-scan";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";
import { listCheckSummaries } from "@/server/posture/checks";

const query = z.object({ scan: z.string().max(64).optional() });

export const GET = route({ permission: "posture:read", query }, async ({ query }) => {
  const db = await getDb();
  const scan = await resolveScan(db, query.scan);
  return listCheckSummaries(db, scan?.id ?? null);
});
