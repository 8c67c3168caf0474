import { describe, expect, it } from "vitest";
import type { CustomizationJob } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { arnOf } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-customization-job-vpc";

const job = (name: string, vpcConfig?: CustomizationJob["vpcConfig"]): CustomizationJob => ({
  jobArn: arnOf("bedrock", `model-customization-job/amazon.nova-lite-v1:0:300k/${name}`),
  jobName: name,
  status: "Completed",
  creationTime: "2026-10-01T00:00:00Z",
  ...(vpcConfig ? { vpcConfig } : {}),
});

const evaluate = (jobs: CustomizationJob[]) =>
  check.evaluate(
    inventoryWith((i) => {
      i.bedrock.customizationJobs = ok(jobs);
    }),
    context,
  );

describe("bedrock-customization-job-vpc", () => {
  it("passes a job that runs in VPC subnets", () => {
    const [f] = evaluate([job("ft-private", { subnetIds: ["subnet-0aaa", "subnet-0bbb"], securityGroupIds: ["sg-0ccc"] })]);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(
      "Customization job ft-private runs in VPC subnet(s) subnet-0aaa, subnet-0bbb with security group(s) sg-0ccc",
    );
    expect(f?.resourceArn).toContain("model-customization-job/");
  });

  it("fails a job without a VPC configuration", () => {
    const [f] = evaluate([job("ft-public")]);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "Customization job ft-public has no VPC configuration: Bedrock reads its training data over the public network path, outside your VPC",
    );
    expect(f?.evidence).toMatchObject({ vpcConfig: null });
  });

  it("fails a VPC configuration that names no subnet", () => {
    const [f] = evaluate([job("ft-empty", { subnetIds: [], securityGroupIds: ["sg-0ccc"] })]);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Customization job ft-empty has a VPC configuration without subnets, so it does not run in your VPC");
  });

  it("judges each job on its own", () => {
    const statuses = evaluate([job("a", { subnetIds: ["subnet-1"], securityGroupIds: [] }), job("b")]).map((f) => f.status);
    expect(statuses).toEqual(["PASS", "FAIL"]);
  });

  it("is not applicable without customization jobs", () => {
    const [f] = evaluate([]);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("No model customization jobs in us-east-1");
  });

  it("reports ERROR naming the action when jobs could not be listed", () => {
    const [f] = check.evaluate(
      inventoryWith((i) => {
        i.bedrock.customizationJobs = denied("bedrock:ListModelCustomizationJobs");
      }),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("grant bedrock:ListModelCustomizationJobs");
  });
});
