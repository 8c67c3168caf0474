import "server-only";
import type { ActivityFilterInput } from "@/lib/schemas/activity-api";
import type { ActivityFilter } from "../source";

/** The API's validated filter → the source's; empty lists mean "no filter", not "match nothing". */
export function toSourceFilter(input: ActivityFilterInput): ActivityFilter {
  const filter: ActivityFilter = { from: new Date(input.from), to: new Date(input.to) };
  if (input.accountIds?.length) filter.accountIds = [...new Set(input.accountIds)];
  if (input.regions?.length) filter.regions = [...new Set(input.regions)];
  if (input.names?.length) filter.names = [...new Set(input.names)];
  if (input.actorArn) filter.actorArn = input.actorArn;
  return filter;
}
