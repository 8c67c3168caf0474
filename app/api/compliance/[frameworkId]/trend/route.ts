import { complianceScopeQuerySchema, frameworkParamsSchema } from "@/lib/schemas/compliance-api";
import { getFrameworkTrend } from "@/server/compliance/service";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

/** The framework's status totals per completed scan, oldest first. */
export const GET = route(
  { permission: "posture:read", query: complianceScopeQuerySchema, params: frameworkParamsSchema },
  async ({ query, params }) => getFrameworkTrend(await getDb(), params.frameworkId, query),
);
