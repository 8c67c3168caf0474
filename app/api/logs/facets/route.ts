import { logFilterQuerySchema } from "@/lib/schemas/log-query";
import { route } from "@/server/http/route";
import { getLogStore } from "@/server/logs";

export const GET = route({ permission: "logs:read", query: logFilterQuerySchema }, async ({ query, request }) => {
  const store = await getLogStore();
  return store.facets(query.filter, { signal: request.signal });
});
