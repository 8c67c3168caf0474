import { logTimeseriesQuerySchema } from "@/lib/schemas/log-query";
import { route } from "@/server/http/route";
import { getLogStore } from "@/server/logs";

export const GET = route({ permission: "logs:read", query: logTimeseriesQuerySchema }, async ({ query, request }) => {
  const store = await getLogStore();
  return store.timeseries(query.filter, query.bucket, { signal: request.signal });
});
