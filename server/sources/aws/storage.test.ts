import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { kmsInventorySchema, s3InventorySchema } from "@/server/inventory/storage";
import type { AwsClients } from "./clients";
import { collectKms } from "./kms";
import { collectS3 } from "./s3";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { KEY_POLICY, addKms, addS3 } from "./testing/storage-fixture";

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: "111122223333", region: "us-east-1" };

beforeEach(async () => {
  fake = addKms(addS3(new FakeAws()));
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

describe("collectS3", () => {
  it("reads each referenced bucket once, treating S3's not-found errors as absent settings", async () => {
    const parsed = s3InventorySchema.parse(await collectS3(clients, ctx, ["locked-logs", "bare", "bare"]));
    expect(parsed.buckets).toEqual({
      status: "ok",
      data: [
        {
          name: "locked-logs",
          arn: "arn:aws:s3:::locked-logs",
          region: "eu-west-1",
          encryption: {
            algorithm: "aws:kms",
            kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:key/b",
            bucketKeyEnabled: true,
          },
          publicAccessBlock: {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: true,
            restrictPublicBuckets: false,
          },
          versioning: "Enabled",
          objectLockEnabled: true,
          accessLoggingEnabled: true,
        },
        {
          name: "bare",
          arn: "arn:aws:s3:::bare",
          region: "us-east-1",
          encryption: null,
          publicAccessBlock: null,
          versioning: "Disabled",
          objectLockEnabled: false,
          accessLoggingEnabled: false,
        },
      ],
    });
  });

  it("AccessDenied on one setting makes the part unavailable naming the IAM action, not the API name", async () => {
    fake.fault("s3", "GetBucketEncryption", "denied", 1);
    expect(await collectS3(clients, ctx, ["bare"])).toMatchObject({
      buckets: { status: "unavailable", action: "s3:GetEncryptionConfiguration" },
    });
  });

  it("SlowDown is retried to success", async () => {
    fake.fault("s3", "GetBucketVersioning", "throttle", 1);
    expect((await collectS3(clients, ctx, ["bare"])).buckets.status).toBe("ok");
  });
});

describe("collectKms", () => {
  it("describes each referenced key once, with policy and rotation", async () => {
    const parsed = kmsInventorySchema.parse(
      await collectKms(clients, ctx, ["k-sym", "alias/sym", "arn:aws:kms:us-east-1:111122223333:key/k-rsa"]),
    );
    expect(parsed.keys).toMatchObject({
      status: "ok",
      data: [
        { keyId: "k-sym", keyManager: "CUSTOMER", policy: KEY_POLICY, rotationEnabled: true },
        { keyId: "k-rsa", keySpec: "RSA_2048", policy: "{not json", rotationEnabled: false },
      ],
    });
    expect(fake.callCount("kms", "GetKeyRotationStatus")).toBe(1);
  });

  it("reads the keys known first while later ones are pending, each key once, in first-reference order", async () => {
    let release: (ids: string[]) => void = () => undefined;
    const later = new Promise<string[]>((resolve) => (release = resolve));
    const pending = collectKms(clients, ctx, ["k-rsa"], later);
    await vi.waitFor(() => expect(fake.callCount("kms", "GetKeyPolicy")).toBe(1));
    release(["alias/sym", "k-rsa", "arn:aws:kms:us-east-1:111122223333:key/k-sym"]);
    expect(kmsInventorySchema.parse(await pending).keys).toMatchObject({
      status: "ok",
      data: [{ keyId: "k-rsa" }, { keyId: "k-sym" }],
    });
    // k-rsa is not described again; the alias and the ARN of k-sym lead to one read of it.
    expect(fake.callCount("kms", "DescribeKey")).toBe(3);
    expect(fake.callCount("kms", "GetKeyPolicy")).toBe(2);
  });

  it("a denied key policy names kms:GetKeyPolicy", async () => {
    fake.fault("kms", "GetKeyPolicy", "denied", 1);
    expect(await collectKms(clients, ctx, ["k-sym"])).toMatchObject({
      keys: { status: "unavailable", action: "kms:GetKeyPolicy" },
    });
  });
});
