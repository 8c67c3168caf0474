import { afterEach, describe, expect, it } from "vitest";
import { organizationSchema } from "@/server/inventory/organizations";
import { partSchema } from "@/server/inventory/part";
import type { AwsClients } from "./clients";
import { collectOrganizations } from "./organizations";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { MEMBER, SCP_CONTENT, addOrganizations } from "./testing/organizations-fixture";

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: MEMBER, region: "us-east-1" };

async function setup(member = true) {
  fake = addOrganizations(new FakeAws(), { member });
  clients = await startClients(fake);
}
afterEach(() => stopClients(fake, clients));

describe("collectOrganizations", () => {
  it("walks the account's parents and reads only the policies that target the chain", async () => {
    await setup();
    const part = partSchema(organizationSchema.nullable()).parse(await collectOrganizations(clients, ctx));
    expect(part.status === "ok" && part.data).toMatchObject({
      organizationId: "o-1",
      managementAccountId: "999988887777",
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "BEDROCK_POLICY"],
      accountTargetIds: [MEMBER, "ou-b", "ou-a", "r-1"],
    });
    const policies = part.status === "ok" ? (part.data?.policies ?? []) : [];
    expect(policies.map((p) => [p.id, p.type, p.awsManaged, p.targetIds])).toEqual([
      ["p-full", "SERVICE_CONTROL_POLICY", true, ["ou-a", "r-1"]],
      ["p-deny", "SERVICE_CONTROL_POLICY", false, ["ou-a"]],
      ["p-x", "SERVICE_CONTROL_POLICY", false, ["ou-a"]],
      ["p-bedrock", "BEDROCK_POLICY", false, [MEMBER]],
    ]);
    expect(policies[1]?.content).toBe(SCP_CONTENT);
    expect(fake.callCount("organizations", "DescribePolicy")).toBe(4);
  });

  it("an account outside any organization is null, not an error", async () => {
    await setup(false);
    expect(await collectOrganizations(clients, ctx)).toEqual({ status: "ok", data: null });
  });

  it("a member account denied ListRoots is unavailable naming organizations:ListRoots", async () => {
    await setup();
    fake.fault("organizations", "ListRoots", "denied");
    expect(await collectOrganizations(clients, ctx)).toMatchObject({ status: "unavailable", action: "organizations:ListRoots" });
  });
});
