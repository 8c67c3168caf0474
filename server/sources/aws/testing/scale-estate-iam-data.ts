import "server-only";
import { UPPER, rng, times, when, type Rng } from "./scale-estate-kit";

/** One account's IAM for the scale estate (scale-estate.ts), generated from a PRNG seeded by the account. */

/** IAM sends policy documents URL-encoded. */
const enc = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));
const statement = (Action: string | string[], Resource: string | string[] = "*", Effect = "Allow") => ({
  Effect,
  Action,
  Resource,
});
const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

function policyDocuments(account: string) {
  return [
    doc(statement(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"], "arn:aws:bedrock:*::foundation-model/*")),
    doc(statement("bedrock:*")),
    doc(statement(["s3:GetObject", "s3:ListBucket"], [`arn:aws:s3:::docs-${account}`, `arn:aws:s3:::docs-${account}/*`])),
    doc(statement(["logs:CreateLogStream", "logs:PutLogEvents"], `arn:aws:logs:*:${account}:log-group:/aws/bedrock/*`)),
    doc(statement(["ec2:Describe*", "cloudwatch:GetMetricData"])),
    doc(statement(["kms:Decrypt", "kms:GenerateDataKey"], `arn:aws:kms:*:${account}:key/*`)),
    doc(statement("*")),
    doc(statement(["bedrock:Retrieve", "bedrock:RetrieveAndGenerate"], `arn:aws:bedrock:*:${account}:knowledge-base/*`)),
    doc(statement(["dynamodb:GetItem", "dynamodb:Query"], `arn:aws:dynamodb:*:${account}:table/*`)),
    doc(statement("iam:PassRole", `arn:aws:iam::${account}:role/service/*`), statement("sts:AssumeRole", "*", "Deny")),
  ];
}

const AWS_MANAGED = [
  "AmazonBedrockFullAccess",
  "AmazonBedrockReadOnly",
  "ReadOnlyAccess",
  "AdministratorAccess",
  "AmazonS3ReadOnlyAccess",
  "CloudWatchLogsFullAccess",
  "AWSLambdaBasicExecutionRole",
  "AmazonEC2ReadOnlyAccess",
  "SecurityAudit",
  "ViewOnlyAccess",
];

function trustPolicy(r: Rng, management: string) {
  const kind = r.int(0, 9);
  if (kind < 4)
    return doc({
      Effect: "Allow",
      Principal: { Service: r.pick(["bedrock.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com"]) },
      Action: "sts:AssumeRole",
    });
  if (kind < 8)
    return doc({
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${management}:root` },
      Action: "sts:AssumeRole",
      ...(kind < 6 ? { Condition: { StringEquals: { "sts:ExternalId": r.id(12) } } } : {}),
    });
  return doc({
    Effect: "Allow",
    Principal: { Federated: `arn:aws:iam::${management}:saml-provider/corp` },
    Action: "sts:AssumeRoleWithSAML",
  });
}

/**
 * One account's GetAccountAuthorizationDetails items (in IAM's order: users, groups, roles,
 * policies) and its Bedrock API keys. 30–80 roles, 5–20 users, 5–15 groups, 40–120 managed policies.
 */
export function accountIam(account: string, management: string) {
  const r = rng(`iam:${account}`);
  const documents = policyDocuments(account);
  const managed = [
    ...AWS_MANAGED.map((name) => ({ name, arn: `arn:aws:iam::aws:policy/${name}`, document: r.pick(documents) })),
    ...times(r.int(30, 110), (i) => ({
      name: `app-policy-${i}`,
      arn: `arn:aws:iam::${account}:policy/app-policy-${i}`,
      document: r.pick(documents),
    })),
  ];
  const attachments = new Map<string, number>();
  const attach = (count: number) =>
    times(count, () => r.pick(managed))
      .filter((p, i, all) => all.indexOf(p) === i)
      .map((p) => {
        attachments.set(p.arn, (attachments.get(p.arn) ?? 0) + 1);
        return { PolicyName: p.name, PolicyArn: p.arn };
      });
  const inline = (prefix: string, count: number) =>
    times(count, (i) => ({ PolicyName: `${prefix}-inline-${i}`, PolicyDocument: enc(r.pick(documents)) }));
  const groups = times(r.int(5, 15), (i) => ({
    GroupName: `group-${i}`,
    GroupId: `AGPA${r.id(17, UPPER)}`,
    Arn: `arn:aws:iam::${account}:group/group-${i}`,
    Path: "/",
    CreateDate: when,
    GroupPolicyList: inline(`group-${i}`, r.int(0, 1)),
    AttachedManagedPolicies: attach(r.int(1, 3)),
  }));
  const users = times(r.int(5, 20), (i) => ({
    UserName: `user-${i}`,
    UserId: `AIDA${r.id(17, UPPER)}`,
    Arn: `arn:aws:iam::${account}:user/user-${i}`,
    Path: "/",
    CreateDate: when,
    GroupList: times(r.int(0, 2), () => r.pick(groups).GroupName).filter((g, j, all) => all.indexOf(g) === j),
    UserPolicyList: inline(`user-${i}`, r.int(0, 1)),
    AttachedManagedPolicies: attach(r.int(0, 2)),
  }));
  const roles = times(r.int(30, 80), (i) => {
    const path = r.chance(0.4) ? "/service/" : "/";
    return {
      RoleName: `role-${i}`,
      RoleId: `AROA${r.id(17, UPPER)}`,
      Arn: `arn:aws:iam::${account}:role${path}role-${i}`,
      Path: path,
      CreateDate: when,
      AssumeRolePolicyDocument: enc(trustPolicy(r, management)),
      RolePolicyList: inline(`role-${i}`, r.int(0, 2)),
      AttachedManagedPolicies: attach(r.int(1, 3)),
      ...(r.chance(0.1)
        ? {
            PermissionsBoundary: {
              PermissionsBoundaryType: "Policy",
              PermissionsBoundaryArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
            },
          }
        : {}),
      Tags: r.chance(0.5) ? [{ Key: "team", Value: r.pick(["ml", "platform", "data", "search"]) }] : [],
    };
  });
  const policies = managed.map((p, i) => ({
    PolicyName: p.name,
    PolicyId: `ANPA${r.id(17, UPPER)}`,
    Arn: p.arn,
    Path: "/",
    DefaultVersionId: `v${(i % 3) + 1}`,
    AttachmentCount: attachments.get(p.arn) ?? 0,
    PermissionsBoundaryUsageCount: p.name === "ReadOnlyAccess" ? 1 : 0,
    IsAttachable: true,
    CreateDate: when,
    UpdateDate: when,
    PolicyVersionList: [{ VersionId: `v${(i % 3) + 1}`, IsDefaultVersion: true, CreateDate: when, Document: enc(p.document) }],
  }));
  const apiKeys = users
    .filter(() => r.chance(0.2))
    .map((u) => ({
      UserName: u.UserName,
      Status: r.pick(["Active", "Active", "Inactive", "Expired"]),
      CreateDate: when,
      ServiceSpecificCredentialId: `ACCA${r.id(17, UPPER)}`,
      ServiceName: "bedrock.amazonaws.com",
      ...(r.chance(0.5) ? { ExpirationDate: "2027-06-01T10:00:00Z" } : {}),
    }));
  return {
    items: [
      ...users.map((u) => ({ kind: "UserDetailList" as const, item: u })),
      ...groups.map((g) => ({ kind: "GroupDetailList" as const, item: g })),
      ...roles.map((x) => ({ kind: "RoleDetailList" as const, item: x })),
      ...policies.map((p) => ({ kind: "Policies" as const, item: p })),
    ],
    apiKeys,
    counts: { roles: roles.length, users: users.length, groups: groups.length, policies: policies.length },
  };
}
export type AccountIam = ReturnType<typeof accountIam>;
