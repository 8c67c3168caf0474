import { complianceQuerySchema } from "@/lib/schemas/compliance-api";
import { getComplianceOverview } from "@/server/compliance/service";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

/** Every framework's coverage and status tallies for a scan (default: the latest completed) and scope. */
export const GET = route({ permission: "posture:read", query: complianceQuerySchema }, async ({ query }) =>
  getComplianceOverview(await getDb(), query),
);
