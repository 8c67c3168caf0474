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
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { setMaxListeners } from "node:events";
import { Readable } from "node:stream";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Semaphore, concurrencyLimit } from "./concurrency";

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
  /** Aborts every in-flight and later call of these clients (a cancelled scan stops its paginators too). */
  signal?: AbortSignal;
  /**
   * Shared by every client of a scan: the cap on AWS requests in flight across all accounts,
   * regions and services (the "allowed concurrency" the scan benchmark measures against).
   */
  scanLimit?: Semaphore;
  /**
   * Account-wide clients (IAM, Organizations): their calls are chains that every region of an account
   * waits for, so they go ahead of regional calls queued for scanLimit.
   */
  urgent?: boolean;
  /**
   * Socket pools shared by every client of a scan (one per host rather than one per client: a scan
   * makes hundreds of clients). Their owner destroys them; destroyClients leaves them alone.
   */
  agents?: { httpAgent: HttpAgent; httpsAgent: HttpsAgent };
};

type HandleOptions = Parameters<NodeHttpHandler["handle"]>[1];

/**
 * The SDK only aborts a call when each `send` gets its own abortSignal; paginators and nested calls
 * would not. Putting the scan's signal in the HTTP handler covers every call a client makes.
 */
class AbortableHttpHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    private readonly signal: AbortSignal | undefined,
    private readonly sharedAgents: boolean,
  ) {
    super(options);
  }

  override destroy(): void {
    if (!this.sharedAgents) super.destroy();
  }

  override async handle(request: Parameters<NodeHttpHandler["handle"]>[0], options: HandleOptions = {}) {
    if (this.signal?.aborted) throw this.signal.reason as Error;
    const out = await super.handle(request, { ...options, abortSignal: options.abortSignal ?? this.signal });
    await keepRawText(out.response);
    return out;
  }
}

/** Responses larger than this are passed through untouched (none of the collectors' are). */
const MAX_RAW_BYTES = 1024 * 1024;
const RAW_TEXT = Symbol.for("strata.rawText");

/**
 * Buffers a (small) response body and keeps its start on the response, so that when the SDK cannot
 * parse it, the error can quote what AWS (or a proxy) actually sent. The SDK reads the whole body
 * before parsing anyway; this only changes who holds the buffer.
 */
async function keepRawText(response: { body?: unknown; headers: Record<string, string | undefined> }): Promise<void> {
  const length = Number(response.headers["content-length"] ?? Number.NaN);
  if (!(response.body instanceof Readable) || !(length <= MAX_RAW_BYTES)) return;
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  const buffer = Buffer.concat(chunks);
  response.body = Readable.from([buffer]);
  Object.defineProperty(response, RAW_TEXT, { value: buffer.subarray(0, 2048).toString("utf8") });
}

/** The start of the raw body of the response an SDK error came from, when it was kept. */
export function rawResponseText(error: unknown): string | undefined {
  const response = (error as { $response?: Record<symbol, unknown> } | null)?.$response;
  const text = response?.[RAW_TEXT];
  return typeof text === "string" ? text : undefined;
}

export type AwsClients = ReturnType<typeof createClients>;

/** Every client a collector may use, sharing one region, credentials, retry and timeout policy. */
export function createClients(options: ClientOptions) {
  // Every in-flight request listens on the scan's signal; dozens at once are expected, not a leak.
  if (options.signal) setMaxListeners(10_000, options.signal);
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
    // Reuses each command's resolved middleware stack instead of rebuilding it on every send.
    cacheMiddleware: true,
    // Without throwOnRequestTimeout the node handler only logs a warning when requestTimeout passes.
  };
  // One handler (and socket pool) per client, as the SDK would create by default.
  const handler = () => ({
    requestHandler: new AbortableHttpHandler(
      { requestTimeout, connectionTimeout: Math.min(requestTimeout, 5_000), throwOnRequestTimeout: true, ...options.agents },
      options.signal,
      options.agents !== undefined,
    ),
  });
  // Virtual-hosted bucket addressing needs DNS for <bucket>.<host>; custom endpoints rarely have it.
  const customS3 = options.endpoint !== undefined || Boolean(env.AWS_ENDPOINT_URL_S3) || Boolean(env.AWS_ENDPOINT_URL);
  const clients = {
    bedrock: new BedrockClient({ ...common, ...handler() }),
    bedrockAgent: new BedrockAgentClient({ ...common, ...handler() }),
    iam: new IAMClient({ ...common, ...handler() }),
    sts: new STSClient({ ...common, ...handler() }),
    ec2: new EC2Client({ ...common, ...handler() }),
    kms: new KMSClient({ ...common, ...handler() }),
    // A referenced bucket may live in another region; without this S3 answers 301 and the call fails.
    s3: new S3Client({ ...common, ...handler(), forcePathStyle: customS3, followRegionRedirects: true }),
    cloudtrail: new CloudTrailClient({ ...common, ...handler() }),
    logs: new CloudWatchLogsClient({ ...common, ...handler() }),
    cloudwatch: new CloudWatchClient({ ...common, ...handler() }),
    organizations: new OrganizationsClient({ ...common, ...handler() }),
  };
  const limit = options.concurrencyPerService ?? 8;
  for (const client of Object.values(clients)) limitClient(client, new Semaphore(limit), options.scanLimit, options.urgent);
  return { region: options.region, ...clients };
}

type LimitableStack = {
  add(middleware: ReturnType<typeof concurrencyLimit>, options: { step: "finalizeRequest"; name: string }): void;
};

function limitClient(
  client: { middlewareStack: LimitableStack },
  perService: Semaphore,
  scan: Semaphore | undefined,
  urgent: boolean | undefined,
): void {
  client.middlewareStack.add(concurrencyLimit(perService, scan, urgent), {
    step: "finalizeRequest",
    name: "strataConcurrencyLimit",
  });
}

export function destroyClients(clients: AwsClients): void {
  for (const value of Object.values(clients)) if (typeof value === "object") value.destroy();
}
