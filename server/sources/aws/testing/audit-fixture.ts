import "server-only";
import { type FakeAws, page } from "./fake-aws";

const ACCOUNT = "111122223333";
const selector = {
  Name: "bedrock",
  FieldSelectors: [
    { Field: "eventCategory", Equals: ["Data"] },
    { Field: "resources.type", Equals: ["AWS::Bedrock::Guardrail"] },
  ],
};

/** Logs, CloudWatch and CloudTrail handlers; lists page by two. JSON 1.1 timestamps are epoch seconds. */
export function addAudit(fake: FakeAws): FakeAws {
  const groups = ["/bedrock/a", "/bedrock/b", "/bedrock/c"];
  const alarms = ["a1", "a2", "a3"];
  return fake
    .on("logs", "DescribeLogGroups", (r) => {
      const p = page(groups, r.input.nextToken, 2);
      return {
        logGroups: p.items.map((name, i) => ({
          logGroupName: name,
          creationTime: 1735689600000,
          arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}:*`,
          logGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`,
          ...(i === 0 ? { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/l", retentionInDays: 365 } : {}),
        })),
        nextToken: p.next,
      };
    })
    .on("cloudwatch", "DescribeAlarms", (r) => {
      const p = page(alarms, r.input.NextToken, 2);
      return {
        MetricAlarms: p.items.map((name) =>
          name === "a3"
            ? {
                AlarmName: name,
                AlarmArn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${name}`,
                ActionsEnabled: false,
                StateValue: "INSUFFICIENT_DATA",
                Metrics: [
                  {
                    Id: "m1",
                    MetricStat: { Metric: { Namespace: "AWS/Bedrock", MetricName: "Invocations" }, Period: 60, Stat: "Sum" },
                  },
                  { Id: "e1", Expression: "m1*2" },
                ],
              }
            : {
                AlarmName: name,
                AlarmArn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${name}`,
                Namespace: "AWS/Bedrock",
                MetricName: "InvocationThrottles",
                Dimensions: [{ Name: "ModelId", Value: "m" }],
                ActionsEnabled: true,
                AlarmActions: ["arn:aws:sns:us-east-1:111122223333:t"],
                StateValue: "OK",
                StateUpdatedTimestamp: 1735689600,
              },
        ),
        NextToken: p.next,
      };
    })
    .on("cloudtrail", "DescribeTrails", () => ({
      trailList: [
        {
          Name: "org",
          TrailARN: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/org`,
          HomeRegion: "eu-west-1",
          IsMultiRegionTrail: true,
          IsOrganizationTrail: true,
          LogFileValidationEnabled: true,
          S3BucketName: "trail-bucket",
          KmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/t",
        },
      ],
    }))
    .on("cloudtrail", "GetTrailStatus", () => ({ IsLogging: true }))
    .on("cloudtrail", "GetEventSelectors", () => ({ TrailARN: "x", AdvancedEventSelectors: [selector] }))
    .on("cloudtrail", "ListEventDataStores", (r) => {
      const p = page(["s1", "s2", "s3"], r.input.NextToken, 2);
      return {
        EventDataStores: p.items.map((s) => ({
          EventDataStoreArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/${s}`,
          Name: s,
        })),
        NextToken: p.next,
      };
    })
    .on("cloudtrail", "GetEventDataStore", (r) => ({
      EventDataStoreArn: r.input.EventDataStore,
      Name: String(r.input.EventDataStore).split("/").pop(),
      Status: "ENABLED",
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
      RetentionPeriod: 2557,
      AdvancedEventSelectors: [selector],
      CreatedTimestamp: 1735689600,
    }));
}
