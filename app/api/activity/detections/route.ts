import { detectionsQuerySchema } from "@/lib/schemas/activity-api";
import { getActivitySource } from "@/server/activity";
import { detectionsFor } from "@/server/activity/explorer/detections";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

export const GET = route({ permission: "activity:read", query: detectionsQuerySchema }, async ({ query }) =>
  detectionsFor(await getDb(), await getActivitySource(), query.filter),
);
