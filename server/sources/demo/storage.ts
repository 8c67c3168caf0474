import "server-only";
import type { Bucket } from "@/server/inventory/storage";
import type { AccountKey } from "./accounts";
import { accountByKey } from "./accounts";
import { bucketArn, kmsKey } from "./arns";
import { KEY, PROD, SANDBOX, STAGING } from "./names";

const BLOCK_ALL = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

type Spec = {
  name: string;
  region: string;
  /** `AES256` for SSE-S3, else the alias of a customer key in the bucket's region. */
  sse: "AES256" | { alias: string; dsse?: boolean };
  pab?: Bucket["publicAccessBlock"];
  versioning?: Bucket["versioning"];
  objectLock?: boolean;
  accessLogging?: boolean;
};

function build(accountId: string, s: Spec): Bucket {
  const encryption: Bucket["encryption"] =
    s.sse === "AES256"
      ? { algorithm: "AES256", bucketKeyEnabled: false }
      : {
          algorithm: s.sse.dsse ? "aws:kms:dsse" : "aws:kms",
          kmsMasterKeyId: kmsKey(accountId, s.region, s.sse.alias).arn,
          bucketKeyEnabled: !s.sse.dsse,
        };
  return {
    name: s.name,
    arn: bucketArn(s.name),
    region: s.region,
    encryption,
    publicAccessBlock: s.pab === undefined ? BLOCK_ALL : s.pab,
    versioning: s.versioning ?? "Enabled",
    objectLockEnabled: s.objectLock ?? false,
    accessLoggingEnabled: s.accessLogging ?? false,
  };
}

const SPECS: Record<AccountKey, Spec[]> = {
  prod: [
    {
      name: PROD.buckets.logsUse1,
      region: "us-east-1",
      sse: { alias: KEY.prodInvocationLogs },
      objectLock: true,
      accessLogging: true,
    },
    { name: PROD.buckets.logsEuw1, region: "eu-west-1", sse: { alias: KEY.prodInvocationLogs }, accessLogging: true },
    { name: PROD.buckets.formularyUse1, region: "us-east-1", sse: { alias: KEY.prodKnowledgeBases }, accessLogging: true },
    {
      name: PROD.buckets.carePathwaysUse1,
      region: "us-east-1",
      sse: { alias: KEY.prodKnowledgeBases, dsse: true },
      accessLogging: true,
    },
    { name: PROD.buckets.formularyEuw1, region: "eu-west-1", sse: { alias: KEY.prodKnowledgeBases }, accessLogging: true },
    {
      name: PROD.buckets.cloudtrail,
      region: "us-east-1",
      sse: { alias: KEY.prodCloudtrail },
      objectLock: true,
      accessLogging: true,
    },
    { name: PROD.buckets.batchUse1, region: "us-east-1", sse: { alias: KEY.prodBatch } },
    { name: PROD.buckets.artifactsUse1, region: "us-east-1", sse: { alias: KEY.prodWorkloads } },
    // Server access log targets only accept SSE-S3.
    { name: PROD.buckets.accessLogsUse1, region: "us-east-1", sse: "AES256" },
    { name: PROD.buckets.accessLogsEuw1, region: "eu-west-1", sse: "AES256" },
  ],
  staging: [
    { name: STAGING.buckets.logs, region: "us-east-1", sse: "AES256", versioning: "Suspended" },
    { name: STAGING.buckets.formulary, region: "us-east-1", sse: "AES256" },
    { name: STAGING.buckets.cloudtrail, region: "us-east-1", sse: "AES256" },
    { name: STAGING.buckets.batch, region: "us-east-1", sse: { alias: KEY.stagingBatch } },
    { name: STAGING.buckets.artifacts, region: "us-east-1", sse: "AES256", versioning: "Disabled" },
  ],
  sandbox: [
    { name: SANDBOX.buckets.researchCorpus, region: "ap-southeast-2", sse: "AES256", pab: null, versioning: "Disabled" },
    {
      name: SANDBOX.buckets.scratch,
      region: "us-east-1",
      sse: "AES256",
      pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
      versioning: "Disabled",
    },
    { name: SANDBOX.buckets.cloudtrail, region: "us-east-1", sse: "AES256", versioning: "Disabled" },
    { name: SANDBOX.buckets.modelImports, region: "us-east-1", sse: "AES256", versioning: "Disabled" },
  ],
};

/** ListBuckets is global, so every region of an account carries all of its buckets (with their region). */
export function bucketsFor(account: AccountKey): Bucket[] {
  const { id } = accountByKey(account);
  return SPECS[account].map((s) => build(id, s));
}
