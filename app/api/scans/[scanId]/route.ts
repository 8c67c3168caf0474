import { z } from "zod";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { getScan } from "@/server/scans/repository";

const params = z.object({ scanId: z.uuid() });

export const GET = route({ permission: "posture:read", params }, async ({ params }) => {
  const scan = await getScan(await getDb(), params.scanId);
  if (!scan) throw new NotFoundError("Scan");
  return scan;
});
