import "server-only";
import { bucketArn, foundationModelArn, guardrail, kmsKey, knowledgeBase } from "../arns";
import { BEDROCK_INVOKE, type Statement } from "./documents";

/**
 * Inference on named model / profile ARNs. With guardrails, the documented pattern: allow only
 * with one of them and explicitly deny anything else (StringNotEquals also matches an absent key).
 */
export function invokeStatements(resources: string[], guardrailArns: string[] = []): Statement[] {
  if (guardrailArns.length === 0)
    return [{ Sid: "InvokeApprovedModels", Effect: "Allow", Action: BEDROCK_INVOKE, Resource: resources }];
  return [
    {
      Sid: "InvokeApprovedModelsWithGuardrail",
      Effect: "Allow",
      Action: BEDROCK_INVOKE,
      Resource: resources,
      Condition: { StringEquals: { "bedrock:GuardrailIdentifier": guardrailArns } },
    },
    {
      Sid: "DenyInvokeWithoutApprovedGuardrail",
      Effect: "Deny",
      Action: BEDROCK_INVOKE,
      Resource: "*",
      Condition: { StringNotEquals: { "bedrock:GuardrailIdentifier": guardrailArns } },
    },
    {
      Sid: "ApplyApprovedGuardrail",
      Effect: "Allow",
      Action: "bedrock:ApplyGuardrail",
      Resource: guardrailArns.map((a) => a.replace(/:\d+$/, "")),
    },
  ];
}

/** `bedrock:GuardrailIdentifier` value for a numbered version: the guardrail ARN plus `:<version>`. */
export function guardrailVersionArn(accountId: string, region: string, name: string, version: string): string {
  return `${guardrail(accountId, region, name).arn}:${version}`;
}

export function retrieveStatement(accountId: string, region: string, kbNames: string[]): Statement {
  return {
    Sid: "RetrieveFromKnowledgeBases",
    Effect: "Allow",
    Action: ["bedrock:Retrieve", "bedrock:RetrieveAndGenerate"],
    Resource: kbNames.map((n) => knowledgeBase(accountId, region, n).arn),
  };
}

/** What a KB service role needs: the embedding model, the source bucket and the key that encrypts it. */
export function knowledgeBaseStatements(
  accountId: string,
  region: string,
  opts: { embeddingModel: string; bucket: string; keyAlias?: string; vectorStore: Statement },
): Statement[] {
  const statements: Statement[] = [
    {
      Sid: "BedrockInvokeEmbeddingModel",
      Effect: "Allow",
      Action: ["bedrock:InvokeModel"],
      Resource: [foundationModelArn(region, opts.embeddingModel)],
    },
    {
      Sid: "S3ListBucket",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: [bucketArn(opts.bucket)],
      Condition: { StringEquals: { "aws:ResourceAccount": [accountId] } },
    },
    {
      Sid: "S3GetObjects",
      Effect: "Allow",
      Action: ["s3:GetObject"],
      Resource: [`${bucketArn(opts.bucket)}/*`],
      Condition: { StringEquals: { "aws:ResourceAccount": [accountId] } },
    },
    opts.vectorStore,
  ];
  if (opts.keyAlias) {
    statements.push({
      Sid: "KmsDecryptSourceAndIngestion",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: [kmsKey(accountId, region, opts.keyAlias).arn],
      Condition: { StringEquals: { "kms:ViaService": [`s3.${region}.amazonaws.com`, `bedrock.${region}.amazonaws.com`] } },
    });
  }
  return statements;
}

export function kmsUse(accountId: string, region: string, alias: string, services: string[]): Statement {
  return {
    Sid: "UseWorkloadKey",
    Effect: "Allow",
    Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
    Resource: kmsKey(accountId, region, alias).arn,
    Condition: { StringEquals: { "kms:ViaService": services.map((s) => `${s}.${region}.amazonaws.com`) } },
  };
}
