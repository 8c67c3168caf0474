import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { arnOf } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-batch-job-output-kms";

const job = (name: string, key?: string) => ({
  jobArn: arnOf("bedrock", `model-invocation-job/${name}`),
  jobName: name,
  status: "Completed",
  outputS3Uri: `s3://batch/${name}/`,
  submitTime: "2026-10-01T00:00:00Z",
  ...(key ? { outputS3EncryptionKeyId: key } : {}),
});

describe("bedrock-batch-job-output-kms", () => {
  it("passes a job with an output key and fails one without", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.batchJobs = ok([job("nightly", arnOf("kms", "key/k1")), job("adhoc")]);
    });
    const [a, b] = check.evaluate(inv, context);
    expect(a?.status).toBe("PASS");
    expect(b?.status).toBe("FAIL");
    expect(b?.message).toBe("Batch job adhoc writes its output to s3://batch/adhoc/ without a customer managed key");
  });

  it("is not applicable without batch jobs", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when jobs could not be listed", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.batchJobs = denied("bedrock:ListModelInvocationJobs");
    });
    expect(check.evaluate(inv, context)[0]?.message).toContain("bedrock:ListModelInvocationJobs");
  });
});
