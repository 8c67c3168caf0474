import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ListAgentsCommand } from "@aws-sdk/client-bedrock-agent";
import { ListGuardrailsCommand } from "@aws-sdk/client-bedrock";
import { GetBucketVersioningCommand } from "@aws-sdk/client-s3";
import { createClients, destroyClients, type AwsClients } from "./clients";
import { collectPart } from "./errors";
import { FakeAws } from "./testing/fake-aws";

const fake = new FakeAws()
  .rest("bedrock", "ListGuardrails", "GET /guardrails", () => ({ guardrails: [] }))
  .rest("bedrock-agent", "ListAgents", "POST /agents/", () => ({ agentSummaries: [] }))
  .rest("s3", "GetBucketVersioning", "GET /{Bucket}?versioning", () => "<VersioningConfiguration/>");
const credentials = { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" };
const saved = { ...process.env };
let clients: AwsClients | undefined;

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
afterEach(() => {
  if (clients !== undefined) destroyClients(clients);
  for (const key of ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_AGENT", "AWS_ENDPOINT_URL_S3"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("createClients endpoints", () => {
  it("the SDK itself honours AWS_ENDPOINT_URL for every client", async () => {
    process.env.AWS_ENDPOINT_URL = fake.url;
    clients = createClients({ region: "us-east-1", credentials, maxAttempts: 1 });
    const before = fake.callCount("bedrock", "ListGuardrails");
    await clients.bedrock.send(new ListGuardrailsCommand({}));
    expect(fake.callCount("bedrock", "ListGuardrails")).toBe(before + 1);
  });

  it("AWS_ENDPOINT_URL_<SERVICE_ID> targets one service (serviceId 'Bedrock Agent' → BEDROCK_AGENT)", async () => {
    process.env.AWS_ENDPOINT_URL_BEDROCK_AGENT = fake.url;
    clients = createClients({ region: "us-east-1", credentials, maxAttempts: 1, requestTimeoutMs: 2_000 });
    await expect(clients.bedrockAgent.send(new ListAgentsCommand({}))).resolves.toMatchObject({ agentSummaries: [] });
  });

  it("S3 uses path-style addressing when an endpoint comes from the environment", async () => {
    // A host name, not an IP: for IP endpoints S3's endpoint rules already force path style.
    process.env.AWS_ENDPOINT_URL_S3 = fake.url.replace("127.0.0.1", "localhost");
    clients = createClients({ region: "us-east-1", credentials, maxAttempts: 1 });
    // Virtual-hosted style would address my-bucket.localhost, which the fake never serves.
    await expect(clients.s3.send(new GetBucketVersioningCommand({ Bucket: "my-bucket" }))).resolves.toBeDefined();
  });
});

describe("createClients cancellation", () => {
  it("aborts in-flight calls and refuses new ones once the scan's signal fires", async () => {
    const controller = new AbortController();
    clients = createClients({ region: "us-east-1", credentials, endpoint: fake.url, signal: controller.signal, maxAttempts: 1 });
    fake.fault("bedrock", "ListGuardrails", "delay", 1, 2_000);
    const started = Date.now();
    const inFlight = clients.bedrock.send(new ListGuardrailsCommand({}));
    setTimeout(() => controller.abort(), 50);
    await expect(inFlight).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect(clients.bedrock.send(new ListGuardrailsCommand({}))).rejects.toBeDefined();
  });
});

describe("createClients timeouts", () => {
  it("gives up on a hung call after the per-attempt timeout, and the part says it timed out", async () => {
    clients = createClients({ region: "us-east-1", credentials, endpoint: fake.url, maxAttempts: 1, requestTimeoutMs: 300 });
    fake.fault("bedrock", "ListGuardrails", "delay", 1, 3_000);
    const started = Date.now();
    const c = clients;
    const part = await collectPart("bedrock:ListGuardrails", () => c.bedrock.send(new ListGuardrailsCommand({})));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(part).toMatchObject({ status: "unavailable", reason: expect.stringContaining("bedrock:ListGuardrails timed out") });
  });
});
