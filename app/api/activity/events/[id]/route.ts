import { activityEventParamsSchema } from "@/lib/schemas/activity-api";
import { getActivitySource } from "@/server/activity";
import { NotFoundError } from "@/server/http/errors";
import { route } from "@/server/http/route";

/** One event with its raw CloudTrail JSON; the only route that returns `raw`. */
export const GET = route({ permission: "activity:read", params: activityEventParamsSchema }, async ({ params }) => {
  const event = await (await getActivitySource()).get(params.id);
  // CloudTrail lookups only reach 90 days back: an event seen yesterday can be gone today.
  if (!event) throw new NotFoundError("This CloudTrail event");
  return event;
});
