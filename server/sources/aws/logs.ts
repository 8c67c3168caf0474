import "server-only";
import { paginateDescribeLogGroups, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { Part } from "@/server/inventory/part";
import { collectPart } from "./errors";
import { drain, type CollectContext } from "./collect-kit";

export async function collectLogs(
  clients: { logs: CloudWatchLogsClient },
  _ctx: CollectContext,
): Promise<{ logGroups: Part<unknown> }> {
  const logGroups = await collectPart("logs:DescribeLogGroups", async () => {
    const groups = await drain(paginateDescribeLogGroups({ client: clients.logs }, {}), (p) => p.logGroups);
    return groups.map((g) => ({
      logGroupName: g.logGroupName,
      // DescribeLogGroups' `arn` (with the trailing ":*" stream wildcard) is the form the demo estate and checks use.
      arn: g.arn ?? (g.logGroupArn === undefined ? undefined : `${g.logGroupArn}:*`),
      kmsKeyId: g.kmsKeyId,
      retentionInDays: g.retentionInDays,
    }));
  });
  return { logGroups };
}
