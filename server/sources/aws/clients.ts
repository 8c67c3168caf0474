import "server-only";
import { BedrockClient, type BedrockClientConfig } from "@aws-sdk/client-bedrock";
import { BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { concurrencyLimit } from "./concurrency";

export type ClientOptions = {
  region: string;
  /** Omitted: the SDK default chain (env, shared config and SSO profiles, container and instance roles). */
  credentials?: BedrockClientConfig["credentials"];
  /**
   * Explicit endpoint for every service (tests). Omitted: the SDK itself honours AWS_ENDPOINT_URL and
   * AWS_ENDPOINT_URL_<SERVICE_ID> (e.g. AWS_ENDPOINT_URL_BEDROCK_AGENT), verified in @smithy/core.
   */
  endpoint?: string;
  /** Per-attempt wall-clock limit; a hung connection must not stall a whole scan. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** In-flight HTTP attempts per service client; bounds load without serialising a scan. */
  concurrencyPerService?: number;
  env?: NodeJS.ProcessEnv;
};

export type AwsClients = ReturnType<typeof createClients>;

/** Every client a collector may use, sharing one region, credentials, retry and timeout policy. */
export function createClients(options: ClientOptions) {
  const env = options.env ?? process.env;
  const requestTimeout = options.requestTimeoutMs ?? 15_000;
  const common = {
    region: options.region,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    // Adaptive mode adds client-side rate limiting on top of backoff, which is what throttled
    // read-heavy scans need (standard mode only backs off per request).
    retryMode: "adaptive",
    maxAttempts: options.maxAttempts ?? 5,
    // Without throwOnRequestTimeout the node handler only logs a warning when requestTimeout passes.
    requestHandler: { requestTimeout, connectionTimeout: Math.min(requestTimeout, 5_000), throwOnRequestTimeout: true },
  };
  // Virtual-hosted bucket addressing needs DNS for <bucket>.<host>; custom endpoints rarely have it.
  const customS3 = options.endpoint !== undefined || Boolean(env.AWS_ENDPOINT_URL_S3) || Boolean(env.AWS_ENDPOINT_URL);
  const clients = {
    bedrock: new BedrockClient(common),
    bedrockAgent: new BedrockAgentClient(common),
    iam: new IAMClient(common),
    sts: new STSClient(common),
    ec2: new EC2Client(common),
    kms: new KMSClient(common),
    // A referenced bucket may live in another region; without this S3 answers 301 and the call fails.
    s3: new S3Client({ ...common, forcePathStyle: customS3, followRegionRedirects: true }),
    cloudtrail: new CloudTrailClient(common),
    logs: new CloudWatchLogsClient(common),
    cloudwatch: new CloudWatchClient(common),
    organizations: new OrganizationsClient(common),
  };
  const limit = options.concurrencyPerService ?? 8;
  for (const client of Object.values(clients)) limitClient(client, limit);
  return { region: options.region, ...clients };
}

type LimitableStack = {
  add(middleware: ReturnType<typeof concurrencyLimit>, options: { step: "finalizeRequest"; name: string }): void;
};

function limitClient(client: { middlewareStack: LimitableStack }, limit: number): void {
  client.middlewareStack.add(concurrencyLimit(limit), { step: "finalizeRequest", name: "strataConcurrencyLimit" });
}

export function destroyClients(clients: AwsClients): void {
  for (const value of Object.values(clients)) if (typeof value === "object") value.destroy();
}
