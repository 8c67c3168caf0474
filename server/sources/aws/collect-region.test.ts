import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseInventory } from "@/server/inventory";
import type { AwsClients } from "./clients";
import { collectRegion } from "./collect-region";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { addAudit } from "./testing/audit-fixture";
import { addBedrock } from "./testing/bedrock-fixture";
import { addBedrockAgent } from "./testing/bedrock-agent-fixture";
import { addEc2 } from "./testing/ec2-fixture";
import { addIam } from "./testing/iam-fixture";
import { MEMBER, addOrganizations } from "./testing/organizations-fixture";
import { addKms, addS3 } from "./testing/storage-fixture";

let fake: FakeAws;
let clients: AwsClients;
const target = { accountId: MEMBER, accountName: "member", region: "us-east-1" };

beforeEach(async () => {
  fake = new FakeAws();
  for (const add of [addBedrock, addBedrockAgent, addIam, addEc2, addAudit, addOrganizations, addS3, addKms]) add(fake);
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

describe("collectRegion", () => {
  it("produces a raw inventory that validates part by part with nothing invalid", async () => {
    const { inventory, invalidParts } = parseInventory(await collectRegion(clients, target));
    expect(invalidParts).toEqual([]);
    expect(inventory.bedrock.guardrails.status).toBe("ok");
    // Buckets and keys come only from references: KB data sources, batch output, the trail bucket.
    const buckets = inventory.s3.buckets.status === "ok" ? inventory.s3.buckets.data.map((b) => b.name).sort() : [];
    expect(buckets).toEqual(["bucket-ds1", "bucket-ds2", "bucket-ds3", "out", "trail-bucket"]);
    const keys = inventory.kms.keys.status === "ok" ? inventory.kms.keys.data.map((k) => k.keyId).sort() : [];
    expect(keys).toEqual(["ak", "cm", "ds", "k", "k-g1", "k-g2", "k-g3", "l", "t"]);
    expect(fake.callCount("s3", "GetBucketLocation")).toBe(5);
  });

  it("denied services leave their parts unavailable and the rest of the inventory intact", async () => {
    fake.fault("kms", "GetKeyPolicy", "denied");
    fake.fault("ec2", "DescribeSecurityGroups", "denied");
    fake.fault("organizations", "DescribeOrganization", "denied");
    const { inventory, invalidParts } = parseInventory(await collectRegion(clients, target));
    expect(invalidParts).toEqual([]);
    expect(inventory.kms.keys).toMatchObject({ status: "unavailable", action: "kms:GetKeyPolicy" });
    expect(inventory.ec2.securityGroups).toMatchObject({ status: "unavailable", action: "ec2:DescribeSecurityGroups" });
    expect(inventory.organizations).toMatchObject({ status: "unavailable", action: "organizations:DescribeOrganization" });
    expect(inventory.ec2.vpcs.status).toBe("ok");
    expect(inventory.iam.status).toBe("ok");
  });

  it("reads buckets and keys without waiting for the account-wide parts", async () => {
    let finish: () => void = () => undefined;
    const accountWide = new Promise<{ status: "ok"; data: null }>(
      (resolve) => (finish = () => resolve({ status: "ok", data: null })),
    );
    const pending = collectRegion(clients, target, { iam: accountWide, organizations: accountWide });
    await vi.waitFor(() => {
      expect(fake.callCount("s3", "GetBucketLocation")).toBe(5);
      expect(fake.callCount("kms", "GetKeyPolicy")).toBeGreaterThan(0);
    });
    finish();
    expect((await pending).organizations).toEqual({ status: "ok", data: null });
  });
});
