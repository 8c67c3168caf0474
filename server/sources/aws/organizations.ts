import "server-only";
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListParents,
  paginateListPoliciesForTarget,
  paginateListRoots,
  type OrganizationsClient,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import type { Part } from "@/server/inventory/part";
import { call, collectPart } from "./errors";
import { PER_SERVICE_CONCURRENCY, drain, inOrder, mapLimit, type CollectContext } from "./collect-kit";

/** The policy types the inventory models; others (e.g. chatbot policies) are not read. */
const MODELLED_TYPES: PolicyType[] = [
  "SERVICE_CONTROL_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
  "BEDROCK_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "TAG_POLICY",
  "BACKUP_POLICY",
];

/** Account, its OUs, then the root: a policy applies to the account when it targets any of them. */
async function targetChain(client: OrganizationsClient, accountId: string): Promise<string[]> {
  const chain = [accountId];
  for (let child = accountId; ;) {
    const parents = await call(
      "organizations:ListParents",
      drain(paginateListParents({ client }, { ChildId: child }), (p) => p.Parents),
    );
    const parent = parents[0];
    if (parent?.Id === undefined) return chain;
    chain.push(parent.Id);
    if (parent.Type === "ROOT") return chain;
    child = parent.Id;
  }
}

async function organization(client: OrganizationsClient, accountId: string) {
  const described = await client.send(new DescribeOrganizationCommand({})).catch((error: unknown) => {
    // Not a member of any organization: the model's `null`, not a failure. Anything else propagates.
    if (error instanceof Error && error.name === "AWSOrganizationsNotInUseException") return null;
    throw error;
  });
  if (described === null) return null;
  const org = described.Organization;
  // Only the management account or a delegated administrator may read roots, parents and policies.
  const [roots, chain] = await inOrder(
    call(
      "organizations:ListRoots",
      drain(paginateListRoots({ client }, {}), (p) => p.Roots),
    ),
    targetChain(client, accountId),
  );
  const enabled = (roots[0]?.PolicyTypes ?? [])
    .filter((t) => t.Status === "ENABLED")
    .flatMap((t) => (t.Type === undefined ? [] : [t.Type]));
  // Per target in the chain rather than every policy in the organization: far fewer calls. The
  // lists are independent, so they run at once; results keep the type-then-target order.
  const lookups = MODELLED_TYPES.filter((t) => enabled.includes(t)).flatMap((type) => chain.map((target) => ({ type, target })));
  const lists = await mapLimit(lookups, PER_SERVICE_CONCURRENCY, async ({ type, target }) => ({
    type,
    target,
    attached: await call(
      "organizations:ListPoliciesForTarget",
      drain(paginateListPoliciesForTarget({ client }, { TargetId: target, Filter: type }), (p) => p.Policies),
    ),
  }));
  const targetsByPolicy = new Map<string, { id: string; type: PolicyType; awsManaged: boolean; targets: string[] }>();
  for (const { type, target, attached } of lists) {
    for (const p of attached) {
      const id = p.Id ?? "";
      const entry = targetsByPolicy.get(id) ?? { id, type, awsManaged: p.AwsManaged === true, targets: [] };
      entry.targets.push(target);
      targetsByPolicy.set(id, entry);
    }
  }
  const policies = await mapLimit([...targetsByPolicy.values()], PER_SERVICE_CONCURRENCY, async (entry) => {
    const { Policy: policy } = await call(
      "organizations:DescribePolicy",
      client.send(new DescribePolicyCommand({ PolicyId: entry.id })),
    );
    return {
      id: entry.id,
      arn: policy?.PolicySummary?.Arn,
      name: policy?.PolicySummary?.Name,
      type: entry.type,
      awsManaged: entry.awsManaged,
      content: policy?.Content,
      targetIds: entry.targets,
    };
  });
  return {
    organizationId: org?.Id,
    managementAccountId: org?.MasterAccountId,
    enabledPolicyTypes: enabled,
    accountTargetIds: chain,
    policies,
  };
}

export async function collectOrganizations(
  clients: { organizations: OrganizationsClient },
  ctx: CollectContext,
): Promise<Part<unknown>> {
  return collectPart("organizations:DescribeOrganization", () => organization(clients.organizations, ctx.accountId));
}
