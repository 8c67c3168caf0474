import "server-only";
import type { Alarm, EventDataStore, LogGroup, Trail } from "@/server/inventory/audit";
import type { Agent, Flow, Guardrail, GuardrailVersion, KnowledgeBase } from "@/server/inventory/bedrock";
import type { Bucket, KmsKey } from "@/server/inventory/storage";
import { ACCOUNT, REGION } from "../testing/inventory-fixture";

// Builders for the tests of the Bedrock checks: complete, valid records that a test then bends.

export const arnOf = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

export function bucket(name: string, over: Partial<Bucket> = {}): Bucket {
  return {
    name,
    arn: `arn:aws:s3:::${name}`,
    region: REGION,
    encryption: { algorithm: "aws:kms", kmsMasterKeyId: arnOf("kms", "key/11111111-2222-3333-4444-555555555555") },
    publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    versioning: "Enabled",
    objectLockEnabled: false,
    accessLoggingEnabled: true,
    ...over,
  };
}

export function logGroup(name: string, over: Partial<LogGroup> = {}): LogGroup {
  return { logGroupName: name, arn: arnOf("logs", `log-group:${name}`), ...over };
}

export function trail(name: string, over: Partial<Trail> = {}): Trail {
  return {
    name,
    arn: arnOf("cloudtrail", `trail/${name}`),
    homeRegion: REGION,
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    isLogging: true,
    logFileValidationEnabled: true,
    eventSelectors: [],
    advancedEventSelectors: [],
    ...over,
  };
}

export function eventDataStore(name: string, over: Partial<EventDataStore> = {}): EventDataStore {
  return {
    name,
    arn: arnOf("cloudtrail", `eventdatastore/${name}`),
    status: "ENABLED",
    multiRegionEnabled: true,
    organizationEnabled: false,
    retentionPeriod: 2557,
    advancedEventSelectors: [],
    ...over,
  };
}

export function guardrailVersion(version: string, over: Partial<GuardrailVersion> = {}): GuardrailVersion {
  return { version, status: "READY", createdAt: "2026-10-01T00:00:00Z", updatedAt: "2026-10-01T00:00:00Z", ...over };
}

export function guardrail(name: string, draft: Partial<GuardrailVersion> = {}, versions: GuardrailVersion[] = []): Guardrail {
  const id = `${name}-id`;
  return { id, arn: arnOf("bedrock", `guardrail/${id}`), name, draft: guardrailVersion("DRAFT", draft), versions };
}

export function agent(name: string, over: Partial<Agent> = {}): Agent {
  return {
    agentId: `${name}-id`,
    agentArn: arnOf("bedrock", `agent/${name}-id`),
    agentName: name,
    agentStatus: "PREPARED",
    agentResourceRoleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-role`,
    idleSessionTTLInSeconds: 600,
    aliases: [],
    ...over,
  };
}

export function flow(name: string, over: Partial<Flow> = {}): Flow {
  return {
    id: `${name}-id`,
    arn: arnOf("bedrock", `flow/${name}-id`),
    name,
    status: "Prepared",
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-role`,
    nodes: [],
    ...over,
  };
}

export function knowledgeBase(name: string, over: Partial<KnowledgeBase> = {}): KnowledgeBase {
  return {
    knowledgeBaseId: `${name}-id`,
    knowledgeBaseArn: arnOf("bedrock", `knowledge-base/${name}-id`),
    name,
    status: "ACTIVE",
    roleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-role`,
    storageType: "OPENSEARCH_SERVERLESS",
    dataSources: [],
    ...over,
  };
}

export function kmsKey(id: string, over: Partial<KmsKey> = {}): KmsKey {
  return {
    keyId: id,
    arn: arnOf("kms", `key/${id}`),
    keyManager: "CUSTOMER",
    keyState: "Enabled",
    keySpec: "SYMMETRIC_DEFAULT",
    policy: {},
    rotationEnabled: true,
    ...over,
  };
}

export function alarm(name: string, over: Partial<Alarm> = {}): Alarm {
  return {
    alarmName: name,
    alarmArn: arnOf("cloudwatch", `alarm:${name}`),
    dimensions: [],
    metricNamespaces: [],
    actionsEnabled: true,
    alarmActions: [arnOf("sns", "security-alerts")],
    stateValue: "OK",
    ...over,
  };
}
