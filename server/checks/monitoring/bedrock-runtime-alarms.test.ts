import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { alarm } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-runtime-alarms";

describe("bedrock-runtime-alarms", () => {
  it("passes with an actionable alarm on AWS/Bedrock, including metric-math alarms", () => {
    const inv = inventoryWith((i) => {
      i.cloudwatch.alarms = ok([
        alarm("throttles", { namespace: "AWS/Bedrock", metricName: "InvocationThrottles" }),
        alarm("tokens-math", { metricNamespaces: ["AWS/Bedrock"] }),
        alarm("ec2-cpu", { namespace: "AWS/EC2", metricName: "CPUUtilization" }),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("throttles and tokens-math watch AWS/Bedrock in us-east-1 and notify on alarm");
  });

  it("fails when Bedrock alarms exist but notify no one, and names them", () => {
    const inv = inventoryWith((i) => {
      i.cloudwatch.alarms = ok([
        alarm("muted", { namespace: "AWS/Bedrock", metricName: "Invocations", actionsEnabled: false }),
        alarm("no-target", { namespace: "AWS/Bedrock", metricName: "Invocations", alarmActions: [] }),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("muted and no-target watch AWS/Bedrock");
    expect(f?.message).toContain("none has actions enabled");
  });

  it("fails with no alarm on AWS/Bedrock", () => {
    const inv = inventoryWith((i) => {
      i.cloudwatch.alarms = ok([alarm("ec2-cpu", { namespace: "AWS/EC2", metricName: "CPUUtilization" })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("No CloudWatch alarm watches the AWS/Bedrock namespace in us-east-1");
  });

  it("reports ERROR when alarms could not be described", () => {
    const inv = inventoryWith((i) => {
      i.cloudwatch.alarms = denied("cloudwatch:DescribeAlarms");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("cloudwatch:DescribeAlarms");
  });
});
