import "server-only";
import type { Inventory } from "@/server/inventory";
import type { IamInventory, IamRole, IamUser, ManagedPolicy } from "@/server/inventory/iam";
import { ok } from "@/server/inventory/part";
import { ACCOUNT, inventoryWith } from "../testing/inventory-fixture";

// Test fixtures for IAM checks: roles, users and managed policies with readable defaults.

export const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });

export const LAMBDA_TRUST = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });

export function role(name: string, statements: unknown[], extra: Partial<IamRole> = {}): IamRole {
  return {
    roleName: name,
    arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    path: "/",
    assumeRolePolicyDocument: LAMBDA_TRUST,
    inlinePolicies: statements.length ? [{ name: `${name}-policy`, document: doc(...statements) }] : [],
    attachedPolicies: [],
    tags: {},
    ...extra,
  };
}

export function user(name: string, statements: unknown[], extra: Partial<IamUser> = {}): IamUser {
  return {
    userName: name,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    groups: [],
    inlinePolicies: statements.length ? [{ name: `${name}-policy`, document: doc(...statements) }] : [],
    attachedPolicies: [],
    bedrockApiKeys: [],
    ...extra,
  };
}

export function awsManaged(name: string, statements: unknown[]): ManagedPolicy {
  return {
    policyName: name,
    arn: `arn:aws:iam::aws:policy/${name}`,
    isAwsManaged: true,
    defaultVersionId: "v1",
    document: doc(...statements),
  };
}

export const BEDROCK_FULL_ACCESS = awsManaged("AmazonBedrockFullAccess", [
  { Sid: "BedrockAll", Effect: "Allow", Action: ["bedrock:*"], Resource: "*" },
]);
export const ADMINISTRATOR_ACCESS = awsManaged("AdministratorAccess", [{ Effect: "Allow", Action: "*", Resource: "*" }]);

export function attach(policy: ManagedPolicy) {
  return { policyName: policy.policyName, policyArn: policy.arn };
}

export function withIam(iam: Partial<IamInventory>, edit: (inv: Inventory) => void = () => {}): Inventory {
  return inventoryWith((inv) => {
    inv.iam = ok({ roles: [], users: [], groups: [], policies: [], ...iam });
    edit(inv);
  });
}
