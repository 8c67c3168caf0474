import { guardrailMetricsQuerySchema, metricsRangeProblem } from "@/lib/schemas/guardrail-metrics";
import { getGuardrailMetricsSource } from "@/server/guardrails/metrics";
import { ValidationError } from "@/server/http/errors";
import { route } from "@/server/http/route";

export const GET = route({ permission: "posture:read", query: guardrailMetricsQuerySchema }, async ({ query, request }) => {
  const problem = metricsRangeProblem(query);
  if (problem) throw new ValidationError(problem);
  const source = await getGuardrailMetricsSource();
  return source.read(query, request.signal);
});
