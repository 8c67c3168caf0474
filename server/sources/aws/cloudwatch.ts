import "server-only";
import { paginateDescribeAlarms, type CloudWatchClient, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import type { Part } from "@/server/inventory/part";
import { collectPart } from "./errors";
import { drain, type CollectContext } from "./collect-kit";

function alarm(a: MetricAlarm) {
  // Metric-math alarms have no top-level metric; their namespaces sit in each query's MetricStat.
  const metricNamespaces = (a.Metrics ?? []).flatMap((m) =>
    m.MetricStat?.Metric?.Namespace === undefined ? [] : [m.MetricStat.Metric.Namespace],
  );
  return {
    alarmName: a.AlarmName,
    alarmArn: a.AlarmArn,
    namespace: a.Namespace,
    metricName: a.MetricName,
    dimensions: (a.Dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value })),
    metricNamespaces: [...new Set(metricNamespaces)],
    actionsEnabled: a.ActionsEnabled === true,
    alarmActions: a.AlarmActions ?? [],
    stateValue: a.StateValue,
  };
}

export async function collectCloudWatch(
  clients: { cloudwatch: CloudWatchClient },
  _ctx: CollectContext,
): Promise<{ alarms: Part<unknown> }> {
  const alarms = await collectPart("cloudwatch:DescribeAlarms", async () => {
    const metricAlarms = await drain(
      paginateDescribeAlarms({ client: clients.cloudwatch }, { AlarmTypes: ["MetricAlarm"] }),
      (p) => p.MetricAlarms,
    );
    return metricAlarms.map(alarm);
  });
  return { alarms };
}
