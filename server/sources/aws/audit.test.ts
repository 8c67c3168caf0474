import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cloudtrailInventorySchema, cloudwatchInventorySchema, logsInventorySchema } from "@/server/inventory/audit";
import type { AwsClients } from "./clients";
import { collectCloudTrail } from "./cloudtrail";
import { collectCloudWatch } from "./cloudwatch";
import { collectLogs } from "./logs";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { addAudit } from "./testing/audit-fixture";

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: "111122223333", region: "us-east-1" };

beforeEach(async () => {
  fake = addAudit(new FakeAws());
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

describe("collectLogs", () => {
  it("pages through log groups", async () => {
    const parsed = logsInventorySchema.parse(await collectLogs(clients, ctx));
    expect(parsed.logGroups.status === "ok" && parsed.logGroups.data.map((g) => g.logGroupName)).toEqual([
      "/bedrock/a",
      "/bedrock/b",
      "/bedrock/c",
    ]);
    expect(parsed.logGroups).toMatchObject({
      data: [{ arn: "arn:aws:logs:us-east-1:111122223333:log-group:/bedrock/a:*", retentionInDays: 365 }, {}, {}],
    });
  });
  it("AccessDenied names logs:DescribeLogGroups", async () => {
    fake.fault("logs", "DescribeLogGroups", "denied");
    expect(await collectLogs(clients, ctx)).toMatchObject({
      logGroups: { status: "unavailable", action: "logs:DescribeLogGroups" },
    });
  });
});

describe("collectCloudWatch", () => {
  it("pages through alarms, including metric-math namespaces (JSON 1.0 protocol)", async () => {
    const parsed = cloudwatchInventorySchema.parse(await collectCloudWatch(clients, ctx));
    expect(parsed.alarms).toMatchObject({
      status: "ok",
      data: [
        {
          alarmName: "a1",
          namespace: "AWS/Bedrock",
          dimensions: [{ name: "ModelId", value: "m" }],
          actionsEnabled: true,
          stateValue: "OK",
        },
        { alarmName: "a2" },
        { alarmName: "a3", metricNamespaces: ["AWS/Bedrock"], actionsEnabled: false, alarmActions: [] },
      ],
    });
  });
  it("AccessDenied (query-compatible error header) names cloudwatch:DescribeAlarms; throttling recovers", async () => {
    fake.fault("cloudwatch", "DescribeAlarms", "denied", 1);
    expect(await collectCloudWatch(clients, ctx)).toMatchObject({
      alarms: { status: "unavailable", action: "cloudwatch:DescribeAlarms" },
    });
    fake.fault("cloudwatch", "DescribeAlarms", "throttle", 1);
    expect((await collectCloudWatch(clients, ctx)).alarms.status).toBe("ok");
  });
});

describe("collectCloudTrail", () => {
  it("collects trails with status and selectors, and every event data store", async () => {
    const parsed = cloudtrailInventorySchema.parse(await collectCloudTrail(clients, ctx));
    expect(parsed.trails).toMatchObject({
      status: "ok",
      data: [
        {
          name: "org",
          homeRegion: "eu-west-1",
          isLogging: true,
          isOrganizationTrail: true,
          eventSelectors: [],
          advancedEventSelectors: [{ name: "bedrock", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, {}] }],
        },
      ],
    });
    expect(parsed.eventDataStores.status === "ok" && parsed.eventDataStores.data.map((s) => [s.name, s.retentionPeriod])).toEqual(
      [
        ["s1", 2557],
        ["s2", 2557],
        ["s3", 2557],
      ],
    );
  });
  it("a denied GetTrailStatus names it; event data stores are unaffected", async () => {
    fake.fault("cloudtrail", "GetTrailStatus", "denied");
    const section = await collectCloudTrail(clients, ctx);
    expect(section.trails).toMatchObject({ status: "unavailable", action: "cloudtrail:GetTrailStatus" });
    expect(section.eventDataStores.status).toBe("ok");
  });
});
