import { getDb } from "@/server/db";
import { route } from "@/server/http/route";
import { listScans } from "@/server/scans/repository";
import { startScan } from "@/server/scans/service";

export const GET = route({ permission: "posture:read" }, async () => listScans(await getDb()));

export const POST = route({ permission: "scans:run" }, async ({ user }) => startScan(user));
