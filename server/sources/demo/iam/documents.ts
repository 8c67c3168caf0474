import "server-only";

type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** One IAM statement as it appears in a policy document (values kept as AWS writes them). */
export type Statement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: "*" | Record<string, string | string[]>;
  Condition?: Record<string, Record<string, Json>>;
};

export type PolicyDocument = { Version: "2012-10-17" | "2008-10-17"; Id?: string; Statement: Statement[] };

export function policy(...statements: Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

export const BEDROCK_INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/** Trust policies for the kinds of principals the estate uses. */
export const trust = {
  service(service: string): PolicyDocument {
    return policy({ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" });
  },
  /** Bedrock service roles, scoped against the confused deputy as the Bedrock docs recommend. */
  bedrock(accountId: string, resource: string): PolicyDocument {
    return policy({
      Effect: "Allow",
      Principal: { Service: "bedrock.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": accountId },
        ArnLike: { "aws:SourceArn": `arn:aws:bedrock:*:${accountId}:${resource}` },
      },
    });
  },
  ecsTasks(accountId: string): PolicyDocument {
    return policy({
      Effect: "Allow",
      Principal: { Service: "ecs-tasks.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        ArnLike: { "aws:SourceArn": `arn:aws:ecs:*:${accountId}:*` },
        StringEquals: { "aws:SourceAccount": accountId },
      },
    });
  },
  sso(accountId: string, providerSuffix: string): PolicyDocument {
    return policy({
      Effect: "Allow",
      Principal: { Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_${providerSuffix}_DO_NOT_DELETE` },
      Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    });
  },
  githubOidc(accountId: string, subject: string): PolicyDocument {
    return policy({
      Effect: "Allow",
      Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": subject },
      },
    });
  },
  account(accountId: string, externalId?: string): PolicyDocument {
    return policy({
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: "sts:AssumeRole",
      ...(externalId ? { Condition: { StringEquals: { "sts:ExternalId": externalId } } } : {}),
    });
  },
};
