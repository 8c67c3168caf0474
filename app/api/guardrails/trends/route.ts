import { guardrailTrendsQuerySchema } from "@/lib/schemas/guardrail-trends";
import { getGuardrailTrends } from "@/server/guardrails/trends";
import { route } from "@/server/http/route";
import { getLogStore, logStoreKind } from "@/server/logs";

export const GET = route({ permission: "logs:read", query: guardrailTrendsQuerySchema }, async ({ query, request }) => {
  const store = await getLogStore();
  return getGuardrailTrends(store, query.filter, { bucket: query.bucket, storeKind: logStoreKind(), signal: request.signal });
});
