import "server-only";
import type { Alarm, LogGroup } from "@/server/inventory/audit";
import type { DemoContext } from "./accounts";
import { guardrail, kmsKey, logGroupArn, snsTopicArn } from "./arns";
import { MODEL } from "./bedrock/catalog";
import { KEY, PROD, SANDBOX } from "./names";

type LogSpec = { name: string; retention?: number; cmk?: string };

function logSpecs(ctx: DemoContext): LogSpec[] {
  const use1 = ctx.region === "us-east-1";
  switch (ctx.account.key) {
    case "prod":
      return use1
        ? [
            { name: PROD.logGroups.invocationsUse1, retention: 400, cmk: KEY.prodInvocationLogs },
            { name: "/aws/lambda/halcyon-triage-summarizer", retention: 90 },
            { name: "/aws/lambda/halcyon-legacy-summarizer", retention: 30 },
            { name: "/ecs/clinical-notes-api", retention: 180, cmk: KEY.prodInvocationLogs },
            { name: "/aws/vendedlogs/bedrock/knowledge-base/clinical-formulary", retention: 365, cmk: KEY.prodInvocationLogs },
            { name: "aws-cloudtrail-logs-halcyon-prod", retention: 731, cmk: KEY.prodInvocationLogs },
          ]
        : // Never expires: the EU team keeps invocation logs for the life of the clinical record.
          [
            { name: PROD.logGroups.invocationsEuw1, cmk: KEY.prodInvocationLogs },
            { name: "/ecs/eu-notes-api", retention: 180 },
          ];
    case "staging":
      return use1
        ? [
            { name: "/aws/lambda/halcyon-stg-triage-summarizer", retention: 14 },
            { name: "/ecs/clinical-notes-api-stg", retention: 30 },
          ]
        : [{ name: "/aws/lambda/eu-experiments", retention: 7 }];
    case "sandbox":
      return use1 ? [{ name: SANDBOX.logGroups.invocations, retention: 30 }, { name: "/aws/lambda/jmorales-test" }] : [];
  }
}

export function logGroupsFor(ctx: DemoContext): LogGroup[] {
  const { id } = ctx.account;
  return logSpecs(ctx).map((s) => ({
    logGroupName: s.name,
    arn: logGroupArn(id, ctx.region, s.name),
    ...(s.cmk ? { kmsKeyId: kmsKey(id, ctx.region, s.cmk).arn } : {}),
    ...(s.retention === undefined ? {} : { retentionInDays: s.retention }),
  }));
}

type AlarmSpec = Omit<Alarm, "alarmArn" | "alarmActions" | "metricNamespaces" | "stateValue"> & {
  metricNamespaces?: string[];
  topic?: string;
  stateValue?: Alarm["stateValue"];
};

function alarmSpecs(ctx: DemoContext): AlarmSpec[] {
  const { id, key } = ctx.account;
  const use1 = ctx.region === "us-east-1";
  if (key === "prod") {
    const g = guardrail(id, ctx.region, use1 ? "phi-clinical-assistant" : "phi-clinical-assistant-eu");
    const topic = "halcyon-prod-secops-alerts";
    const common: AlarmSpec[] = [
      {
        alarmName: "bedrock-invocation-throttles",
        namespace: "AWS/Bedrock",
        metricName: "InvocationThrottles",
        dimensions: [],
        actionsEnabled: true,
        topic,
      },
      {
        alarmName: "bedrock-guardrail-interventions-spike",
        namespace: "AWS/Bedrock/Guardrails",
        metricName: "InvocationsIntervened",
        dimensions: [
          { name: "GuardrailArn", value: g.arn },
          { name: "GuardrailVersion", value: use1 ? "3" : "1" },
        ],
        actionsEnabled: true,
        topic,
      },
      {
        alarmName: "bedrock-invocation-log-delivery-failures",
        namespace: "AWS/Bedrock",
        metricName: "ModelInvocationLogsCloudWatchDeliveryFailure",
        dimensions: [],
        actionsEnabled: true,
        topic,
      },
    ];
    if (!use1) return common;
    return [
      ...common,
      {
        alarmName: "bedrock-server-errors-sonnet",
        namespace: "AWS/Bedrock",
        metricName: "InvocationServerErrors",
        dimensions: [{ name: "ModelId", value: `us.${MODEL.sonnet45}` }],
        actionsEnabled: true,
        topic: "halcyon-prod-oncall",
      },
      {
        alarmName: "bedrock-token-spend-anomaly",
        dimensions: [],
        metricNamespaces: ["AWS/Bedrock"],
        actionsEnabled: true,
        topic: "halcyon-prod-finops",
        stateValue: "INSUFFICIENT_DATA",
      },
      {
        alarmName: "clinical-notes-api-5xx",
        namespace: "AWS/ApplicationELB",
        metricName: "HTTPCode_Target_5XX_Count",
        dimensions: [{ name: "LoadBalancer", value: "app/clinical-notes/5f3c0e8d2b7a9c41" }],
        actionsEnabled: true,
        topic: "halcyon-prod-oncall",
      },
    ];
  }
  if (key === "staging" && use1) {
    return [
      // Muted during a load test in August and never switched back on.
      {
        alarmName: "bedrock-throttles-stg",
        namespace: "AWS/Bedrock",
        metricName: "InvocationThrottles",
        dimensions: [],
        actionsEnabled: false,
        stateValue: "ALARM",
      },
      {
        alarmName: "ecs-cpu-high-stg",
        namespace: "AWS/ECS",
        metricName: "CPUUtilization",
        dimensions: [{ name: "ClusterName", value: "clinical-stg" }],
        actionsEnabled: true,
        topic: "halcyon-staging-alerts",
      },
    ];
  }
  if (key === "sandbox" && use1) {
    return [
      {
        alarmName: "sandbox-estimated-charges",
        namespace: "AWS/Billing",
        metricName: "EstimatedCharges",
        dimensions: [{ name: "Currency", value: "USD" }],
        actionsEnabled: true,
        topic: "sandbox-budget",
      },
    ];
  }
  return [];
}

export function alarmsFor(ctx: DemoContext): Alarm[] {
  const { id } = ctx.account;
  return alarmSpecs(ctx).map(({ topic, metricNamespaces, stateValue, ...a }) => ({
    ...a,
    alarmArn: `arn:aws:cloudwatch:${ctx.region}:${id}:alarm:${a.alarmName}`,
    metricNamespaces: metricNamespaces ?? [],
    alarmActions: topic ? [snsTopicArn(id, ctx.region, topic)] : [],
    stateValue: stateValue ?? "OK",
  }));
}
