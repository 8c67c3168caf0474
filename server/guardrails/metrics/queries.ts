import "server-only";
import type { Dimension, MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import type { GuardrailPolicyType } from "@/server/logs/record";

export const NAMESPACE = "AWS/Bedrock/Guardrails";
export const METRICS = ["Invocations", "InvocationsIntervened"] as const;
type MetricName = (typeof METRICS)[number];

/** CloudWatch's policy dimension values, as our policy types (bedrock-formats.md 3.4). */
const POLICY_DIMENSION: Record<string, GuardrailPolicyType> = {
  ContentPolicy: "content",
  TopicPolicy: "topic",
  WordPolicy: "word",
  SensitiveInformationPolicy: "pii",
  ContextualGroundingPolicy: "grounding",
};
const SOURCE_DIMENSION: Record<string, "input" | "output"> = { Input: "input", Output: "output" };

/** What one query's result is for: which series, which counter. */
export type Target =
  | { kind: "guardrail"; arn: string; version: string; metric: MetricName }
  | { kind: "policy"; policyType: GuardrailPolicyType; metric: MetricName }
  | { kind: "source"; source: "input" | "output"; metric: MetricName };

/** A metric CloudWatch said exists (ListMetrics): its name and exact dimension set. */
export type ListedMetric = { name: string; dimensions: Dimension[] };

const dim = (dimensions: Dimension[], name: string) => dimensions.find((d) => d.Name === name)?.Value;

/**
 * The dimension sets we chart, recognised among the listed metrics. Dimension sets in CloudWatch
 * are exact, so only combinations that exist are queried (the reference's advice), and a metric
 * with extra dimensions (e.g. Operation) is not mistaken for a guardrail total.
 */
export function targetOf(metric: ListedMetric): Target | undefined {
  if (!(METRICS as readonly string[]).includes(metric.name)) return undefined;
  const name = metric.name as MetricName;
  const names = metric.dimensions
    .map((d) => d.Name)
    .sort()
    .join(",");
  if (names === "GuardrailArn,GuardrailVersion") {
    const arn = dim(metric.dimensions, "GuardrailArn");
    const version = dim(metric.dimensions, "GuardrailVersion");
    return arn && version ? { kind: "guardrail", arn, version, metric: name } : undefined;
  }
  if (names === "GuardrailPolicyType") {
    const policyType = POLICY_DIMENSION[dim(metric.dimensions, "GuardrailPolicyType") ?? ""];
    return policyType ? { kind: "policy", policyType, metric: name } : undefined;
  }
  if (names === "GuardrailContentSource") {
    const source = SOURCE_DIMENSION[dim(metric.dimensions, "GuardrailContentSource") ?? ""];
    return source ? { kind: "source", source, metric: name } : undefined;
  }
  return undefined;
}

/** GetMetricData accepts at most 500 queries per request. */
export const MAX_QUERIES = 500;

/** One Sum query per target; ids are positional (`q0`, `q1`, …) because user data never names a query. */
export function toQueries(metrics: ListedMetric[], periodSeconds: number): MetricDataQuery[] {
  return metrics.map((m, i) => ({
    Id: `q${i}`,
    MetricStat: {
      Metric: { Namespace: NAMESPACE, MetricName: m.name, Dimensions: m.dimensions },
      Period: periodSeconds,
      Stat: "Sum",
    },
    ReturnData: true,
  }));
}
