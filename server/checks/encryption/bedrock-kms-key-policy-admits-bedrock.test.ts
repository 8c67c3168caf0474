import { describe, expect, it } from "vitest";
import type { Inventory } from "@/server/inventory";
import { ok } from "@/server/inventory/part";
import { agent, arnOf, knowledgeBase, kmsKey } from "../lib/bedrock-fixtures";
import { ACCOUNT, context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-kms-key-policy-admits-bedrock";

const KEY_ID = "0f0f0f0f-1111-2222-3333-444444444444";
const KEY_ARN = arnOf("kms", `key/${KEY_ID}`);
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const admin = {
  Sid: "Admin",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` },
  Action: "kms:*",
  Resource: "*",
};

/** One agent and one knowledge base data source, both encrypted with the key under test. */
function withKey(policy: unknown, edit: (inv: Inventory) => void = () => {}): Inventory {
  return inventoryWith((i) => {
    i.bedrock.agents = ok([agent("support", { customerEncryptionKeyArn: KEY_ARN })]);
    i.kms.keys = ok([kmsKey(KEY_ID, { policy })]);
    edit(i);
  });
}

describe("bedrock-kms-key-policy-admits-bedrock", () => {
  it("passes when the service principal is allowed with source-account and encryption-context conditions", () => {
    const policy = doc(admin, {
      Sid: "BedrockAgents",
      Effect: "Allow",
      Principal: { Service: "bedrock.amazonaws.com" },
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceAccount": ACCOUNT },
        ArnLike: { "kms:EncryptionContext:aws:bedrock:arn": arnOf("bedrock", "agent/*") },
      },
    });
    const [f] = check.evaluate(withKey(policy), context);
    expect(f?.status).toBe("PASS");
    expect(f?.resourceArn).toBe(KEY_ARN);
    expect(f?.message).toContain("agent support through the bedrock.amazonaws.com service principal");
    expect(f?.message).toContain('Sid "BedrockAgents"');
  });

  it("passes when the key policy delegates to IAM (account root), naming the role Bedrock acts for", () => {
    const policy = doc({ Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" });
    const [f] = check.evaluate(withKey(policy), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain(`${agent("support").agentResourceRoleArn} calling through Bedrock`);
  });

  it("passes a custom model key that admits the whole account through IAM", () => {
    const policy = doc(admin, { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" });
    const inv = inventoryWith((i) => {
      i.bedrock.customModels = ok([
        {
          modelArn: arnOf("bedrock", "custom-model/m"),
          modelName: "tuned",
          modelKmsKeyArn: KEY_ID,
          creationTime: "2026-10-01T00:00:00Z",
        },
      ]);
      i.kms.keys = ok([kmsKey(KEY_ID, { policy })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain(
      `custom model tuned through any principal of account ${ACCOUNT} calling through Bedrock (Sid "EnableIAM")`,
    );
  });

  it("fails when only a key administrator is allowed (a named role is not Bedrock)", () => {
    const [f] = check.evaluate(withKey(doc(admin)), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain(`Key policy of ${KEY_ID} does not let Bedrock use the key`);
    expect(f?.message).toContain("for agent support");
  });

  it("fails when account access is limited to another service", () => {
    const policy = doc(admin, {
      Effect: "Allow",
      Principal: { AWS: ROOT },
      Action: "kms:*",
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
    });
    expect(check.evaluate(withKey(policy), context)[0]?.status).toBe("FAIL");
  });

  it("fails when a Deny blocks Decrypt through Bedrock despite an Allow", () => {
    const policy = doc(
      { Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" },
      {
        Effect: "Allow",
        Principal: { Service: "bedrock.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: "*",
      },
      { Sid: "NoDecrypt", Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*" },
    );
    expect(check.evaluate(withKey(policy), context)[0]?.status).toBe("FAIL");
  });

  it("evaluates each resource that uses the key and names the one it cannot confirm", () => {
    const policy = doc(admin, {
      Effect: "Allow",
      Principal: { Service: "bedrock.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: { StringEquals: { "kms:EncryptionContext:aws:bedrock:arn": agent("support").agentArn } },
    });
    const inv = withKey(policy, (i) => {
      i.bedrock.knowledgeBases = ok([
        knowledgeBase("docs", { dataSources: [{ dataSourceId: "ds1", name: "wiki", status: "AVAILABLE", kmsKeyArn: KEY_ARN }] }),
      ]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    // Bedrock sends no documented encryption context for data sources: a grant that depends on one cannot be confirmed.
    expect(findings[0]?.status).toBe("ERROR");
    expect(findings[0]?.message).toContain("for knowledge base data source docs/wiki");
    expect(findings[0]?.message).not.toContain("agent support");
  });

  it("reports ERROR, not PASS, when admission depends on a condition the inventory cannot know", () => {
    const policy = doc(admin, {
      Effect: "Allow",
      Principal: { AWS: ROOT },
      Action: "kms:*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
    });
    const [f] = check.evaluate(withKey(policy), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("aws:PrincipalOrgID");
  });

  it("fails an AWS managed key and a disabled key", () => {
    const managed = withKey(doc(admin), (i) => {
      i.kms.keys = ok([kmsKey(KEY_ID, { keyManager: "AWS" })]);
    });
    expect(check.evaluate(managed, context)[0]?.message).toContain("is an AWS managed key, not a customer managed key");
    const disabled = withKey(doc(admin), (i) => {
      i.kms.keys = ok([kmsKey(KEY_ID, { keyState: "Disabled" })]);
    });
    const [f] = check.evaluate(disabled, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(`KMS key ${KEY_ID} is Disabled, so Bedrock cannot use it for agent support`);
  });

  it("reports ERROR for a key that is not in the inventory", () => {
    const inv = withKey(doc(admin), (i) => {
      i.kms.keys = ok([]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain(`KMS key ${KEY_ARN} (used by agent support) is not in the inventory`);
  });

  it("reports ERROR quoting a key policy that cannot be parsed", () => {
    const [f] = check.evaluate(withKey('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"'), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("cannot be parsed");
    expect(f?.message).toContain('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"');
  });

  it("is not applicable when no Bedrock resource names a key", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("No Bedrock resource in us-east-1 names a KMS key of its own");
  });

  it("reports ERROR when keys could not be read", () => {
    const inv = withKey(doc(admin), (i) => {
      i.kms.keys = denied("kms:GetKeyPolicy");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("kms:GetKeyPolicy");
  });
});
