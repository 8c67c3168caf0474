import { complianceQuerySchema, frameworkParamsSchema } from "@/lib/schemas/compliance-api";
import { getFrameworkDetail } from "@/server/compliance/service";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

/** One framework's requirements with status, mapped checks, breakdowns and attestations. */
export const GET = route(
  { permission: "posture:read", query: complianceQuerySchema, params: frameworkParamsSchema },
  async ({ query, params }) => getFrameworkDetail(await getDb(), params.frameworkId, query),
);
