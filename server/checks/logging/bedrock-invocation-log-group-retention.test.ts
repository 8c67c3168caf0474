import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { logGroup } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-log-group-retention";

const name = "/bedrock/invocations";
const withGroup = (retentionInDays?: number) =>
  inventoryWith((i) => {
    i.bedrock.loggingConfig = ok({ cloudWatchConfig: { logGroupName: name, roleArn: "arn:aws:iam::111122223333:role/L" } });
    i.logs.logGroups = ok([retentionInDays === undefined ? logGroup(name) : logGroup(name, { retentionInDays })]);
  });

describe("bedrock-invocation-log-group-retention", () => {
  it("passes when retention meets the setting", () => {
    const [f] = check.evaluate(withGroup(400), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("keeps events 400 days");
  });

  it("passes when no retention is set, and says events never expire", () => {
    const [f] = check.evaluate(withGroup(undefined), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("never expire");
  });

  it("fails when retention is shorter than the setting", () => {
    const [f] = check.evaluate(withGroup(30), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("keeps events 30 days, less than the required 365");
  });

  it("follows context.settings.minLogRetentionDays", () => {
    const strict = { settings: { ...context.settings, minLogRetentionDays: 30 } };
    expect(check.evaluate(withGroup(30), strict)[0]?.status).toBe("PASS");
  });

  it("is not applicable without a CloudWatch destination", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("not configured");
  });

  it("reports ERROR when log groups could not be listed", () => {
    const inv = withGroup(30);
    inv.logs.logGroups = denied("logs:DescribeLogGroups");
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("logs:DescribeLogGroups");
  });
});
