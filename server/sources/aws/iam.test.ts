import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { iamInventorySchema } from "@/server/inventory/iam";
import { partSchema } from "@/server/inventory/part";
import type { AwsClients } from "./clients";
import { collectIam, decodePolicyDocument } from "./iam";
import { mayUseBedrock } from "./last-accessed";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { ALLOW_BEDROCK, BROKEN_DOCUMENT, addIam } from "./testing/iam-fixture";

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: "111122223333", region: "us-east-1" };

beforeEach(async () => {
  fake = addIam(new FakeAws());
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

describe("decodePolicyDocument", () => {
  it("URL-decodes and parses, keeping undecodable or unparseable text raw", () => {
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(ALLOW_BEDROCK)))).toEqual(ALLOW_BEDROCK);
    expect(decodePolicyDocument(encodeURIComponent(BROKEN_DOCUMENT))).toBe(BROKEN_DOCUMENT);
    expect(decodePolicyDocument("%E0%A4%A")).toBe("%E0%A4%A");
  });
});

describe("collectIam", () => {
  it("follows Marker pages and keeps documents as parsed JSON", async () => {
    const part = partSchema(iamInventorySchema).parse(await collectIam(clients, ctx));
    expect(fake.callCount("iam", "GetAccountAuthorizationDetails")).toBe(3);
    expect(part.status).toBe("ok");
    if (part.status !== "ok") return;
    const [role] = part.data.roles;
    expect(role).toMatchObject({
      roleName: "agent-role",
      path: "/service/",
      permissionsBoundaryArn: expect.stringContaining("policy/boundary"),
      tags: { team: "ml" },
    });
    expect(role?.assumeRolePolicyDocument).toMatchObject({ Statement: [{ Principal: { Service: "bedrock.amazonaws.com" } }] });
    expect(role?.inlinePolicies.map((p) => p.document)).toEqual([ALLOW_BEDROCK, BROKEN_DOCUMENT]);
    expect(part.data.users.map((u) => [u.userName, u.bedrockApiKeys.map((k) => k.status)])).toEqual([
      ["alice", ["Active", "Expired"]],
      ["bob", []],
    ]);
    expect(part.data.users[0]?.bedrockApiKeys[0]).toMatchObject({ id: "ACCA1", expirationDate: "2026-02-01T00:00:00.000Z" });
    expect(part.data.groups[0]).toMatchObject({ groupName: "ml", inlinePolicies: [{ name: "g", document: ALLOW_BEDROCK }] });
    expect(part.data.policies.map((p) => [p.policyName, p.isAwsManaged, p.defaultVersionId])).toEqual([
      ["AmazonBedrockFullAccess", true, "v3"],
      ["boundary", false, "v1"],
    ]);
    expect(part.data.policies[0]?.document).toEqual(ALLOW_BEDROCK);
  });

  it("AccessDenied on either call makes the part unavailable naming that action", async () => {
    fake.fault("iam", "ListServiceSpecificCredentials", "denied", 1);
    expect(await collectIam(clients, ctx)).toMatchObject({ status: "unavailable", action: "iam:ListServiceSpecificCredentials" });
    fake.fault("iam", "GetAccountAuthorizationDetails", "denied", 1);
    expect(await collectIam(clients, ctx)).toMatchObject({ status: "unavailable", action: "iam:GetAccountAuthorizationDetails" });
  });

  it("a throttled page is retried and the walk completes", async () => {
    fake.fault("iam", "GetAccountAuthorizationDetails", "throttle", 1);
    const part = await collectIam(clients, ctx);
    expect(part.status).toBe("ok");
    expect(fake.callCount("iam", "GetAccountAuthorizationDetails")).toBe(4);
  });
});

describe("collectIam: when roles last used Bedrock", () => {
  const roleOf = async () => {
    const part = partSchema(iamInventorySchema).parse(await collectIam(clients, ctx));
    return part.status === "ok" ? part.data.roles[0] : undefined;
  };

  it("starts a service-last-accessed job per role that may use Bedrock and polls it until complete", async () => {
    const role = await roleOf();
    expect(role?.bedrockLastAccessed).toBe("2026-10-20T08:00:00.000Z");
    expect(fake.callCount("iam", "GenerateServiceLastAccessedDetails")).toBe(1);
    expect(fake.callCount("iam", "GetServiceLastAccessedDetails")).toBe(2); // IN_PROGRESS, then COMPLETED
  });

  it("says never (null) when the job has no Bedrock access on record", async () => {
    fake.on("iam", "GetServiceLastAccessedDetails", () => ({
      JobStatus: "COMPLETED",
      JobCreationDate: "2026-11-27T00:00:00Z",
      ServicesLastAccessed: [{ ServiceName: "Amazon Bedrock", ServiceNamespace: "bedrock", TotalAuthenticatedEntities: 0 }],
    }));
    expect((await roleOf())?.bedrockLastAccessed).toBeNull();
  });

  it("leaves the date unknown (so the check says ERROR) when the job is denied or fails, keeping the rest of IAM", async () => {
    fake.fault("iam", "GenerateServiceLastAccessedDetails", "denied");
    const role = await roleOf();
    expect(role?.roleName).toBe("agent-role");
    expect(role && "bedrockLastAccessed" in role).toBe(false);
    fake.on("iam", "GenerateServiceLastAccessedDetails", () => ({ JobId: "j" }));
    fake.on("iam", "GetServiceLastAccessedDetails", () => ({
      JobStatus: "FAILED",
      JobCreationDate: "2026-11-27T00:00:00Z",
      ServicesLastAccessed: [],
    }));
    expect((await roleOf())?.bedrockLastAccessed).toBeUndefined();
  });
});

describe("mayUseBedrock", () => {
  it("includes anything that could grant Bedrock and skips what cannot", () => {
    expect(mayUseBedrock([ALLOW_BEDROCK])).toBe(true);
    expect(mayUseBedrock([{ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }])).toBe(true);
    expect(mayUseBedrock([{ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }])).toBe(true);
    expect(mayUseBedrock([{ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }])).toBe(
      false,
    );
  });
});
