import "server-only";
import type { Agent, CustomModel, Flow, Guardrail, ImportedModel, KnowledgeBase, Prompt } from "@/server/inventory/bedrock";
import type { KmsKey } from "@/server/inventory/storage";
import { versionThatMatters } from "./guardrail-version";

/** A Bedrock resource (or log destination) that names a KMS key. */
export type KeyUser = {
  kind: string;
  name: string;
  arn: string;
  keyRef: string;
  /** The role Bedrock acts as or for, when the resource names one. */
  roleArn?: string;
  /** Encryption-context pair Bedrock sends for this kind of resource, when documented. */
  encryptionContext?: Record<string, string>;
};

type BedrockKeyData = {
  customModels: CustomModel[];
  importedModels: ImportedModel[];
  agents: Agent[];
  knowledgeBases: KnowledgeBase[];
  guardrails: Guardrail[];
  prompts: Prompt[];
  flows: Flow[];
};

const present = <T extends { keyRef: string | undefined }>(u: T): u is T & { keyRef: string } =>
  u.keyRef !== undefined && u.keyRef !== "";

/** Bedrock resources encrypted with a KMS key of their own (the ones whose key policy must admit Bedrock). */
export function bedrockKeyUsers(d: BedrockKeyData): KeyUser[] {
  const users = [
    ...d.customModels.map((m) => ({ kind: "custom model", name: m.modelName, arn: m.modelArn, keyRef: m.modelKmsKeyArn })),
    ...d.importedModels.map((m) => ({ kind: "imported model", name: m.modelName, arn: m.modelArn, keyRef: m.modelKmsKeyArn })),
    ...d.agents.map((a) => ({
      kind: "agent",
      name: a.agentName,
      arn: a.agentArn,
      keyRef: a.customerEncryptionKeyArn,
      roleArn: a.agentResourceRoleArn,
      encryptionContext: { "kms:EncryptionContext:aws:bedrock:arn": a.agentArn },
    })),
    ...d.knowledgeBases.flatMap((kb) =>
      kb.dataSources.map((ds) => ({
        kind: "knowledge base data source",
        name: `${kb.name}/${ds.name}`,
        arn: dataSourceArn(kb.knowledgeBaseArn, ds.dataSourceId),
        keyRef: ds.kmsKeyArn,
        roleArn: kb.roleArn,
      })),
    ),
    ...d.guardrails.map((g) => {
      const v = versionThatMatters(g);
      return { kind: "guardrail", name: v.label, arn: g.arn, keyRef: v.version.kmsKeyArn };
    }),
    ...d.prompts.map((p) => ({
      kind: "prompt",
      name: p.name,
      arn: p.arn,
      keyRef: p.customerEncryptionKeyArn,
      encryptionContext: { "kms:EncryptionContext:aws:bedrock-prompts:arn": p.arn },
    })),
    ...d.flows.map((f) => ({
      kind: "flow",
      name: f.name,
      arn: f.arn,
      keyRef: f.customerEncryptionKeyArn,
      roleArn: f.executionRoleArn,
      encryptionContext: { "kms:EncryptionContext:aws:bedrock-flows:arn": f.arn },
    })),
  ];
  return users.filter(present);
}

/** Data sources have no ARN of their own; this identifier is stable and names the knowledge base. */
export function dataSourceArn(knowledgeBaseArn: string, dataSourceId: string): string {
  return `${knowledgeBaseArn}/data-source/${dataSourceId}`;
}

/** A key reference may be a key ARN, a key ID or an alias; aliases cannot be resolved from the inventory. */
function findKey(keys: readonly KmsKey[], ref: string): KmsKey | undefined {
  return keys.find((k) => k.arn === ref || k.keyId === ref || ref.endsWith(`:key/${k.keyId}`));
}

export type KeyGroup = { ref: string; key: KmsKey | undefined; users: KeyUser[] };

/** Users grouped by the key they name, so each key gets one finding. */
export function groupByKey(keys: readonly KmsKey[], users: readonly KeyUser[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const user of users) {
    const key = findKey(keys, user.keyRef);
    const id = key?.arn ?? user.keyRef;
    const group = groups.get(id) ?? { ref: id, key, users: [] };
    group.users.push(user);
    groups.set(id, group);
  }
  return [...groups.values()];
}

export function usersText(users: readonly KeyUser[]): string {
  return users.map((u) => `${u.kind} ${u.name}`).join(", ");
}
