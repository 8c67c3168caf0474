import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { logGroup } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-log-group-encrypted";

const name = "/bedrock/invocations";
const withCloudWatch = (edit: Parameters<typeof inventoryWith>[0]) =>
  inventoryWith((i) => {
    i.bedrock.loggingConfig = ok({
      cloudWatchConfig: { logGroupName: name, roleArn: "arn:aws:iam::111122223333:role/L" },
      textDataDeliveryEnabled: true,
    });
    edit(i);
  });

describe("bedrock-invocation-log-group-encrypted", () => {
  it("passes when the log group has a KMS key", () => {
    const inv = withCloudWatch((i) => {
      i.logs.logGroups = ok([logGroup(name, { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k1" })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.resourceArn).toBe(logGroup(name).arn);
    expect(f?.message).toContain("encrypted with KMS key arn:aws:kms:us-east-1:111122223333:key/k1");
  });

  it("fails when the log group has no KMS key", () => {
    const inv = withCloudWatch((i) => {
      i.logs.logGroups = ok([logGroup(name)]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain(`${name} is not encrypted with a KMS key`);
  });

  it("fails when the log group does not exist", () => {
    const [f] = check.evaluate(
      withCloudWatch(() => {}),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("does not exist");
  });

  it("is not applicable without a CloudWatch destination", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ s3Config: { bucketName: "logs" }, textDataDeliveryEnabled: true });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("has no CloudWatch Logs destination");
  });

  it("reports ERROR when log groups could not be listed", () => {
    const inv = withCloudWatch((i) => {
      i.logs.logGroups = denied("logs:DescribeLogGroups");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("logs:DescribeLogGroups");
  });
});
