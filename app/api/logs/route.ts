import { logSearchQuerySchema } from "@/lib/schemas/log-query";
import { route } from "@/server/http/route";
import { getLogStore } from "@/server/logs";

export const GET = route({ permission: "logs:read", query: logSearchQuerySchema }, async ({ query, request }) => {
  const store = await getLogStore();
  return store.search(query.filter, query.cursor, query.limit, { signal: request.signal });
});
