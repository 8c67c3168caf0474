import { requirementFindingsQuerySchema, requirementParamsSchema } from "@/lib/schemas/compliance-api";
import { listRequirementFindings } from "@/server/compliance/requirement-findings";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

/** The drill-down: findings of a requirement's mapped checks in scope, with evidence, paged by cursor. */
export const GET = route(
  { permission: "posture:read", query: requirementFindingsQuerySchema, params: requirementParamsSchema },
  async ({ query, params }) => listRequirementFindings(await getDb(), params.frameworkId, params.requirementId, query),
);
