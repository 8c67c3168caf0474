import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetGuardrailCommand, ListGuardrailsCommand } from "@aws-sdk/client-bedrock";
import { ListKeysCommand } from "@aws-sdk/client-kms";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { GetBucketPolicyCommand, GetBucketVersioningCommand } from "@aws-sdk/client-s3";
import { createClients, destroyClients, type AwsClients } from "../clients";
import { FakeAws } from "./fake-aws";

const fake = new FakeAws();
let clients: AwsClients;
const credentials = { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" };

beforeAll(async () => {
  const endpoint = await fake.start();
  clients = createClients({ region: "us-east-1", credentials, endpoint, requestTimeoutMs: 1_000, maxAttempts: 3 });
  fake
    .rest("bedrock", "ListGuardrails", "GET /guardrails", () => ({
      guardrails: [
        {
          id: "g1",
          arn: "arn:aws:bedrock:us-east-1:111122223333:guardrail/g1",
          name: "n",
          status: "READY",
          version: "DRAFT",
          createdAt: "2025-01-02T03:04:05Z",
          updatedAt: "2025-01-02T03:04:05Z",
        },
      ],
    }))
    .rest("bedrock", "GetGuardrail", "GET /guardrails/{guardrailIdentifier}", (req) => ({
      guardrailId: req.input.guardrailIdentifier,
      version: req.input.guardrailVersion,
    }))
    .on("kms", "ListKeys", () => ({
      Keys: [{ KeyId: "k1", KeyArn: "arn:aws:kms:us-east-1:111122223333:key/k1" }],
      Truncated: false,
    }))
    .on("cloudwatch", "DescribeAlarms", () => ({ MetricAlarms: [{ AlarmName: "a1", StateUpdatedTimestamp: 1735787045 }] }))
    .on("iam", "ListRoles", () => ({
      Roles: [
        {
          RoleName: "r1",
          Arn: "arn:aws:iam::111122223333:role/r1",
          RoleId: "AROA1",
          Path: "/",
          CreateDate: "2025-01-02T03:04:05Z",
        },
      ],
      IsTruncated: false,
    }))
    .on("sts", "GetCallerIdentity", () => ({ Account: "111122223333", Arn: "arn:aws:iam::111122223333:user/x", UserId: "AIDA1" }))
    .on("ec2", "DescribeVpcs", () => ({ vpcSet: [{ vpcId: "vpc-1", cidrBlock: "10.0.0.0/16", isDefault: "true" }] }))
    .rest("s3", "GetBucketPolicy", "GET /{Bucket}?policy", () => '{"Version":"2012-10-17","Statement":[]}')
    .rest(
      "s3",
      "GetBucketVersioning",
      "GET /{Bucket}?versioning",
      () => "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>",
    );
});
afterAll(async () => {
  destroyClients(clients);
  await fake.stop();
});

describe("fake AWS endpoint through the real SDK clients", () => {
  it("speaks REST-JSON (bedrock) including path and query parameters", async () => {
    const out = await clients.bedrock.send(new ListGuardrailsCommand({}));
    expect(out.guardrails?.[0]?.id).toBe("g1");
    expect(out.guardrails?.[0]?.createdAt).toEqual(new Date("2025-01-02T03:04:05Z"));
    const got = await clients.bedrock.send(new GetGuardrailCommand({ guardrailIdentifier: "g1", guardrailVersion: "2" }));
    expect(got).toMatchObject({ guardrailId: "g1", version: "2" });
  });

  it("speaks JSON 1.1 (kms) and JSON 1.0 (cloudwatch)", async () => {
    expect((await clients.kms.send(new ListKeysCommand({}))).Keys?.[0]?.KeyId).toBe("k1");
    const alarms = await clients.cloudwatch.send(new DescribeAlarmsCommand({}));
    expect(alarms.MetricAlarms?.[0]?.AlarmName).toBe("a1");
    expect(alarms.MetricAlarms?.[0]?.StateUpdatedTimestamp).toEqual(new Date(1735787045 * 1000));
  });

  it("speaks Query/XML (iam, sts) and EC2 Query with <item> lists", async () => {
    const roles = await clients.iam.send(new ListRolesCommand({}));
    expect(roles.Roles?.[0]).toMatchObject({ RoleName: "r1", Path: "/" });
    expect((await clients.sts.send(new GetCallerIdentityCommand({}))).Account).toBe("111122223333");
    const vpcs = await clients.ec2.send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.[0]).toMatchObject({ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16", IsDefault: true });
  });

  it("speaks REST-XML (s3, path-style) for sub-resources", async () => {
    const policy = await clients.s3.send(new GetBucketPolicyCommand({ Bucket: "my-bucket" }));
    expect(JSON.parse(policy.Policy ?? "")).toMatchObject({ Version: "2012-10-17" });
    expect((await clients.s3.send(new GetBucketVersioningCommand({ Bucket: "my-bucket" }))).Status).toBe("Enabled");
  });
});

describe("faults", () => {
  const cases = [
    ["bedrock", () => clients.bedrock.send(new ListGuardrailsCommand({})), "ListGuardrails", "AccessDeniedException"],
    ["kms", () => clients.kms.send(new ListKeysCommand({})), "ListKeys", "AccessDeniedException"],
    ["cloudwatch", () => clients.cloudwatch.send(new DescribeAlarmsCommand({})), "DescribeAlarms", "AccessDenied"],
    ["iam", () => clients.iam.send(new ListRolesCommand({})), "ListRoles", "AccessDenied"],
    ["ec2", () => clients.ec2.send(new DescribeVpcsCommand({})), "DescribeVpcs", "UnauthorizedOperation"],
    ["s3", () => clients.s3.send(new GetBucketPolicyCommand({ Bucket: "b" })), "GetBucketPolicy", "AccessDenied"],
  ] as const;

  it.each(cases)("%s AccessDenied arrives as the SDK error name", async (service, send, operation, name) => {
    fake.fault(service, operation, "denied", 1);
    await expect(send()).rejects.toMatchObject({ name, $metadata: { httpStatusCode: 403 } });
  });

  it.each(cases)("%s throttling succeeds on retry", async (service, send, operation) => {
    const before = fake.callCount(service, operation);
    fake.fault(service, operation, "throttle", 1);
    await expect(send()).resolves.toBeDefined();
    expect(fake.callCount(service, operation) - before).toBe(2);
  });

  it("5xx is retried and then surfaces after maxAttempts", async () => {
    const before = fake.callCount("kms", "ListKeys");
    fake.fault("kms", "ListKeys", "server", 3);
    await expect(clients.kms.send(new ListKeysCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(fake.callCount("kms", "ListKeys") - before).toBe(3);
  });

  it("a hung call times out instead of stalling", async () => {
    fake.fault("sts", "GetCallerIdentity", "delay", 3, 1_500);
    await expect(clients.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
