import "server-only";
import type { Part } from "@/server/inventory/part";

/**
 * Which buckets and KMS keys to read: only those the collected Bedrock, logging and trail data
 * reference (the "fetch economically"). Works on raw parts, before validation, so it only
 * trusts string-typed fields it finds.
 */
type Raw = Record<string, unknown>;

const dataOf = (part: Part<unknown> | undefined): unknown => (part?.status === "ok" ? part.data : undefined);
const list = (value: unknown): Raw[] =>
  Array.isArray(value) ? value.filter((v): v is Raw => typeof v === "object" && v !== null) : [];
const obj = (value: unknown): Raw => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Raw) : {});
const str = (value: unknown): string[] => (typeof value === "string" && value !== "" ? [value] : []);

/** "arn:aws:s3:::bucket" and "s3://bucket/prefix" both name a bucket. */
export function bucketName(reference: string): string | undefined {
  const arn = /^arn:aws[\w-]*:s3:::([^/]+)/.exec(reference);
  if (arn !== null) return arn[1];
  const uri = /^s3:\/\/([^/]+)/.exec(reference);
  return uri === null ? undefined : uri[1];
}

export type ReferenceSources = {
  bedrock: Record<string, Part<unknown>>;
  logs: Record<string, Part<unknown>>;
  cloudtrail: Record<string, Part<unknown>>;
};

export function referencedBuckets(s: ReferenceSources): string[] {
  const logging = obj(dataOf(s.bedrock.loggingConfig));
  const refs = [
    ...str(obj(logging.s3Config).bucketName),
    ...str(obj(obj(logging.cloudWatchConfig).largeDataDeliveryS3Config).bucketName),
    ...list(dataOf(s.bedrock.knowledgeBases)).flatMap((kb) => list(kb.dataSources).flatMap((d) => str(d.bucketArn))),
    ...list(dataOf(s.bedrock.batchJobs)).flatMap((j) => str(j.outputS3Uri)),
    ...list(dataOf(s.cloudtrail.trails)).flatMap((t) => str(t.s3BucketName)),
  ];
  const names = refs.map((r) => (r.includes(":") ? bucketName(r) : r)).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

export function referencedKeys(s: ReferenceSources): string[] {
  const b = s.bedrock;
  const refs = [
    ...list(dataOf(b.guardrails)).flatMap((g) => [obj(g.draft), ...list(g.versions)].flatMap((v) => str(v.kmsKeyArn))),
    ...list(dataOf(b.agents)).flatMap((a) => str(a.customerEncryptionKeyArn)),
    ...list(dataOf(b.knowledgeBases)).flatMap((kb) => list(kb.dataSources).flatMap((d) => str(d.kmsKeyArn))),
    ...list(dataOf(b.customModels)).flatMap((m) => str(m.modelKmsKeyArn)),
    ...list(dataOf(b.importedModels)).flatMap((m) => str(m.modelKmsKeyArn)),
    ...list(dataOf(b.customizationJobs)).flatMap((j) => str(j.outputModelKmsKeyArn)),
    ...list(dataOf(b.batchJobs)).flatMap((j) => str(j.outputS3EncryptionKeyId)),
    ...list(dataOf(b.prompts)).flatMap((p) => str(p.customerEncryptionKeyArn)),
    ...list(dataOf(b.flows)).flatMap((f) => str(f.customerEncryptionKeyArn)),
    ...list(dataOf(s.logs.logGroups)).flatMap((g) => str(g.kmsKeyId)),
    ...list(dataOf(s.cloudtrail.trails)).flatMap((t) => str(t.kmsKeyId)),
  ];
  return [...new Set(refs)];
}

/** Bucket default-encryption keys, known only after S3 is read. */
export function bucketKeys(buckets: Part<unknown>): string[] {
  return list(dataOf(buckets)).flatMap((b) => str(obj(b.encryption).kmsMasterKeyId));
}
