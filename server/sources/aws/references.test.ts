import { describe, expect, it } from "vitest";
import { ok, unavailable } from "@/server/inventory/part";
import { bucketKeys, bucketName, referencedBuckets, referencedKeys } from "./references";

describe("references", () => {
  it("parses bucket ARNs and S3 URIs", () => {
    expect(bucketName("arn:aws:s3:::b1")).toBe("b1");
    expect(bucketName("arn:aws-us-gov:s3:::b2/prefix")).toBe("b2");
    expect(bucketName("s3://b3/a/b")).toBe("b3");
    expect(bucketName("https://example.com")).toBeUndefined();
  });

  it("collects each referenced bucket and key once, ignoring unavailable parts", () => {
    const sources = {
      bedrock: {
        loggingConfig: ok({
          s3Config: { bucketName: "logs" },
          cloudWatchConfig: { logGroupName: "g", roleArn: "r", largeDataDeliveryS3Config: { bucketName: "large" } },
        }),
        knowledgeBases: ok([
          { dataSources: [{ bucketArn: "arn:aws:s3:::kb", kmsKeyArn: "k-kb" }, { bucketArn: "arn:aws:s3:::logs" }] },
        ]),
        batchJobs: ok([{ outputS3Uri: "s3://out/x", outputS3EncryptionKeyId: "k-batch" }]),
        guardrails: ok([{ draft: { kmsKeyArn: "k-g" }, versions: [{ kmsKeyArn: "k-g" }, {}] }]),
        agents: unavailable("denied", "bedrock:ListAgents"),
      },
      logs: { logGroups: ok([{ kmsKeyId: "k-log" }, {}]) },
      cloudtrail: { trails: ok([{ s3BucketName: "trail", kmsKeyId: "k-trail" }]) },
    };
    expect(referencedBuckets(sources)).toEqual(["logs", "large", "kb", "out", "trail"]);
    expect(referencedKeys(sources)).toEqual(["k-g", "k-kb", "k-batch", "k-log", "k-trail"]);
    expect(bucketKeys(ok([{ encryption: { kmsMasterKeyId: "k-b" } }, { encryption: null }]))).toEqual(["k-b"]);
  });
});
