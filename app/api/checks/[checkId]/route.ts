import { z } from "zod";
import { resolveScan } from "@/server/posture/resolve-scan";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { getCheckDetail } from "@/server/posture/checks";

const params = z.object({ checkId: z.string().regex(/^[a-z0-9-]{1,128}$/) });
const query = z.object({ scan: z.string().max(64).optional() });

export const GET = route({ permission: "posture:read", params, query }, async ({ params, query }) => {
  const db = await getDb();
  const scan = await resolveScan(db, query.scan);
  const detail = await getCheckDetail(db, params.checkId, scan?.id ?? null);
  if (!detail) throw new NotFoundError("Check");
  return detail;
});
