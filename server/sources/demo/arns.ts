import "server-only";
import { stableId } from "./prng";

/**
 * Names → ids → ARNs. Every module derives a resource's identifiers from its name through these
 * helpers, which is what keeps cross-references (agent → guardrail, KB → bucket → key) consistent.
 */
type Ref = { id: string; arn: string };

const key = (accountId: string, region: string, kind: string, name: string) => `${accountId}/${region}/${kind}/${name}`;

export function kmsKey(accountId: string, region: string, alias: string): Ref {
  const id = stableId.uuid(key(accountId, region, "kms", alias));
  return { id, arn: `arn:aws:kms:${region}:${accountId}:key/${id}` };
}

export function roleArn(accountId: string, name: string, path = "/"): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

export function customerPolicyArn(accountId: string, name: string): string {
  return `arn:aws:iam::${accountId}:policy/${name}`;
}

export function awsPolicyArn(name: string, path = "/"): string {
  return `arn:aws:iam::aws:policy${path}${name}`;
}

export function guardrail(accountId: string, region: string, name: string): Ref {
  const id = stableId.lower(key(accountId, region, "guardrail", name), 12);
  return { id, arn: `arn:aws:bedrock:${region}:${accountId}:guardrail/${id}` };
}

export function agent(accountId: string, region: string, name: string): Ref {
  const id = stableId.upper(key(accountId, region, "agent", name), 10);
  return { id, arn: `arn:aws:bedrock:${region}:${accountId}:agent/${id}` };
}

export function knowledgeBase(accountId: string, region: string, name: string): Ref {
  const id = stableId.upper(key(accountId, region, "knowledge-base", name), 10);
  return { id, arn: `arn:aws:bedrock:${region}:${accountId}:knowledge-base/${id}` };
}

export function prompt(accountId: string, region: string, name: string): Ref {
  const id = stableId.upper(key(accountId, region, "prompt", name), 10);
  return { id, arn: `arn:aws:bedrock:${region}:${accountId}:prompt/${id}` };
}

export function flow(accountId: string, region: string, name: string): Ref {
  const id = stableId.upper(key(accountId, region, "flow", name), 10);
  return { id, arn: `arn:aws:bedrock:${region}:${accountId}:flow/${id}` };
}

export function applicationProfile(accountId: string, region: string, name: string): Ref {
  const id = stableId.lower(key(accountId, region, "application-inference-profile", name), 12);
  return { id, arn: `arn:aws:bedrock:${region}:${accountId}:application-inference-profile/${id}` };
}

export function automatedReasoningPolicyArn(accountId: string, region: string, name: string, version: number): string {
  const id = stableId.lower(key(accountId, region, "automated-reasoning-policy", name), 12);
  return `arn:aws:bedrock:${region}:${accountId}:automated-reasoning-policy/${id}:${version}`;
}

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function systemProfileArn(accountId: string, region: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${profileId}`;
}

export function bucketArn(name: string): string {
  return `arn:aws:s3:::${name}`;
}

export function logGroupArn(accountId: string, region: string, name: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;
}

export function snsTopicArn(accountId: string, region: string, name: string): string {
  return `arn:aws:sns:${region}:${accountId}:${name}`;
}

/** EC2-style ids: `vpc-0` followed by 16 hex digits, as current AWS accounts get them. */
export function ec2Id(prefix: "vpc" | "subnet" | "sg" | "vpce", accountId: string, region: string, name: string): string {
  return `${prefix}-0${stableId.hex(key(accountId, region, prefix, name), 16)}`;
}
