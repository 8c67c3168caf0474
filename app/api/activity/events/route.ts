import { activityListRequestSchema } from "@/lib/schemas/activity-api";
import { getActivitySource } from "@/server/activity";
import { listActivity } from "@/server/activity/explorer/list";
import { route } from "@/server/http/route";

/** POST, not GET: CloudTrail's fan-out cursor can run to several kB, past what URLs reliably carry. */
export const POST = route({ permission: "activity:read", body: activityListRequestSchema }, async ({ body }) =>
  listActivity(await getActivitySource(), body),
);
