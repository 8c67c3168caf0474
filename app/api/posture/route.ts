import { z } from "zod";
import { resolveScan } from "@/server/posture/resolve-scan";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";
import { getOverview } from "@/server/posture/overview";

const query = z.object({ scan: z.string().max(64).optional() });

/** The overview as JSON: the same data the overview page renders; an unknown scan id is a 404. */
export const GET = route({ permission: "posture:read", query }, async ({ query }) => {
  const db = await getDb();
  const scan = await resolveScan(db, query.scan);
  return getOverview(db, scan?.id);
});
