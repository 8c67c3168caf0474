import "server-only";
import {
  ListServiceSpecificCredentialsCommand,
  paginateGetAccountAuthorizationDetails,
  type AttachedPolicy,
  type IAMClient,
  type PolicyDetail,
  type ServiceSpecificCredentialMetadata,
  type Tag,
} from "@aws-sdk/client-iam";
import type { Part } from "@/server/inventory/part";
import { call, collectPart } from "./errors";
import { bedrockLastAccessed } from "./last-accessed";
import type { CollectContext } from "./collect-kit";

/**
 * IAM returns policy documents URL-encoded (RFC 3986) and the SDK does not decode them. A document
 * that does not decode or parse is kept as raw text so the policy checks can quote it in an ERROR.
 */
export function decodePolicyDocument(encoded: string | undefined): unknown {
  if (encoded === undefined) return null;
  let text = encoded;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const inline = (list: PolicyDetail[] | undefined) =>
  (list ?? []).map((p) => ({ name: p.PolicyName ?? "", document: decodePolicyDocument(p.PolicyDocument) }));
const attached = (list: AttachedPolicy[] | undefined) =>
  (list ?? []).map((p) => ({ policyName: p.PolicyName ?? "", policyArn: p.PolicyArn ?? "" }));
const tags = (list: Tag[] | undefined) => Object.fromEntries((list ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));

/** One paginated call for every user, in place of ListServiceSpecificCredentials per user. */
async function bedrockApiKeys(client: IAMClient): Promise<Map<string, ServiceSpecificCredentialMetadata[]>> {
  const byUser = new Map<string, ServiceSpecificCredentialMetadata[]>();
  let marker: string | undefined;
  do {
    const out = await client.send(
      new ListServiceSpecificCredentialsCommand({ ServiceName: "bedrock.amazonaws.com", AllUsers: true, Marker: marker }),
    );
    for (const c of out.ServiceSpecificCredentials ?? []) {
      const user = c.UserName ?? "";
      byUser.set(user, [...(byUser.get(user) ?? []), c]);
    }
    marker = out.IsTruncated === true ? out.Marker : undefined;
  } while (marker !== undefined);
  return byUser;
}

async function authorizationDetails(client: IAMClient) {
  const pages = paginateGetAccountAuthorizationDetails(
    { client },
    { Filter: ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] },
  );
  const roles = [],
    users = [],
    groups = [],
    policies = [];
  for await (const page of pages) {
    roles.push(...(page.RoleDetailList ?? []));
    users.push(...(page.UserDetailList ?? []));
    groups.push(...(page.GroupDetailList ?? []));
    policies.push(...(page.Policies ?? []));
  }
  return { roles, users, groups, policies };
}

export async function collectIam(clients: { iam: IAMClient }, ctx: CollectContext): Promise<Part<unknown>> {
  const client = clients.iam;
  // The API keys are part of the users, so both calls must succeed for the part to be complete.
  return collectPart("iam:GetAccountAuthorizationDetails", async () => {
    const [details, keys] = await Promise.all([
      call("iam:GetAccountAuthorizationDetails", authorizationDetails(client)),
      call("iam:ListServiceSpecificCredentials", bedrockApiKeys(client)),
    ]);
    const managed = new Map(details.policies.map((p) => [p.Arn ?? "", p]));
    const defaultDocument = (arn: string | undefined) =>
      decodePolicyDocument(managed.get(arn ?? "")?.PolicyVersionList?.find((v) => v.IsDefaultVersion === true)?.Document);
    const lastAccessed = await bedrockLastAccessed(
      client,
      details.roles.map((r) => ({
        arn: r.Arn ?? "",
        documents: [
          ...inline(r.RolePolicyList).map((p) => p.document),
          ...(r.AttachedManagedPolicies ?? []).map((p) => defaultDocument(p.PolicyArn)),
        ],
      })),
      ctx.signal,
    );
    return {
      roles: details.roles.map((r) => ({
        roleName: r.RoleName,
        arn: r.Arn,
        path: r.Path ?? "/",
        assumeRolePolicyDocument: decodePolicyDocument(r.AssumeRolePolicyDocument),
        inlinePolicies: inline(r.RolePolicyList),
        attachedPolicies: attached(r.AttachedManagedPolicies),
        permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn,
        tags: tags(r.Tags),
        // Absent (not null) when unknown, so the stale-permissions check reports ERROR, not FAIL.
        ...(lastAccessed.has(r.Arn ?? "") ? { bedrockLastAccessed: lastAccessed.get(r.Arn ?? "") } : {}),
      })),
      users: details.users.map((u) => ({
        userName: u.UserName,
        arn: u.Arn,
        groups: u.GroupList ?? [],
        inlinePolicies: inline(u.UserPolicyList),
        attachedPolicies: attached(u.AttachedManagedPolicies),
        bedrockApiKeys: (keys.get(u.UserName ?? "") ?? []).map((k) => ({
          id: k.ServiceSpecificCredentialId,
          status: k.Status,
          createDate: k.CreateDate?.toISOString(),
          expirationDate: k.ExpirationDate?.toISOString(),
        })),
      })),
      groups: details.groups.map((g) => ({
        groupName: g.GroupName,
        arn: g.Arn,
        inlinePolicies: inline(g.GroupPolicyList),
        attachedPolicies: attached(g.AttachedManagedPolicies),
      })),
      // The model keeps only policies that are attached somewhere (as identities or boundaries).
      policies: details.policies
        .filter((p) => (p.AttachmentCount ?? 0) > 0 || (p.PermissionsBoundaryUsageCount ?? 0) > 0)
        .map((p) => ({
          policyName: p.PolicyName,
          arn: p.Arn,
          isAwsManaged: /^arn:aws[\w-]*:iam::aws:policy\//.test(p.Arn ?? ""),
          defaultVersionId: p.DefaultVersionId,
          document: decodePolicyDocument(p.PolicyVersionList?.find((v) => v.IsDefaultVersion === true)?.Document),
        })),
    };
  });
}
