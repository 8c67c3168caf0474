import "server-only";
import type { IamGroup, IamInventory, IamRole, IamUser, ManagedPolicy } from "@/server/inventory/iam";
import { daysAgo } from "../accounts";
import { customerPolicyArn, roleArn } from "../arns";
import { stableId } from "../prng";
import { awsManagedPolicies } from "./aws-managed";
import { trust, type PolicyDocument } from "./documents";

const nameOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);
const attach = (arns: string[]) => arns.map((policyArn) => ({ policyArn, policyName: nameOf(policyArn) }));

export type RoleSpec = {
  name: string;
  path?: string;
  trust: PolicyDocument;
  inline?: Record<string, PolicyDocument>;
  attached?: string[];
  boundary?: string;
  tags?: Record<string, string>;
  /** Days since a Bedrock action was last used; `null` = never; omitted for roles without Bedrock access. */
  bedrockDays?: number | null;
};

/** IAM Identity Center role names end in a per-account hash of the permission set. */
export function ssoRoleArn(accountId: string, permissionSet: string): string {
  const suffix = stableId.hex(`${accountId}/sso/${permissionSet}`, 16);
  return roleArn(accountId, `AWSReservedSSO_${permissionSet}_${suffix}`, "/aws-reserved/sso.amazonaws.com/");
}

export type CustomerPolicy = { name: string; version: string; document: PolicyDocument };

/** Builds one account's IAM section; `now` anchors the service-last-accessed times. */
export class IamBuilder {
  private readonly roles: IamRole[] = [];
  private readonly users: IamUser[] = [];
  private readonly groups: IamGroup[] = [];
  private readonly customer: CustomerPolicy[] = [];

  constructor(
    readonly accountId: string,
    private readonly now: Date,
  ) {}

  ssoRole(permissionSet: string, spec: Omit<RoleSpec, "name" | "path" | "trust">): this {
    const arn = ssoRoleArn(this.accountId, permissionSet);
    const provider = stableId.hex(`${this.accountId}/sso-provider`, 16);
    return this.role({
      ...spec,
      name: arn.slice(arn.lastIndexOf("/") + 1),
      path: "/aws-reserved/sso.amazonaws.com/",
      trust: trust.sso(this.accountId, provider),
    });
  }

  role(spec: RoleSpec): this {
    const path = spec.path ?? "/";
    this.roles.push({
      roleName: spec.name,
      arn: roleArn(this.accountId, spec.name, path),
      path,
      assumeRolePolicyDocument: spec.trust,
      inlinePolicies: Object.entries(spec.inline ?? {}).map(([name, document]) => ({ name, document })),
      attachedPolicies: attach(spec.attached ?? []),
      ...(spec.boundary ? { permissionsBoundaryArn: spec.boundary } : {}),
      tags: spec.tags ?? {},
      ...(spec.bedrockDays === undefined
        ? {}
        : { bedrockLastAccessed: spec.bedrockDays === null ? null : daysAgo(this.now, spec.bedrockDays, 3) }),
    });
    return this;
  }

  user(
    user: Omit<IamUser, "arn" | "inlinePolicies" | "attachedPolicies"> & {
      inline?: Record<string, PolicyDocument>;
      attached?: string[];
    },
  ): this {
    const { inline, attached, ...rest } = user;
    this.users.push({
      ...rest,
      arn: `arn:aws:iam::${this.accountId}:user/${user.userName}`,
      inlinePolicies: Object.entries(inline ?? {}).map(([name, document]) => ({ name, document })),
      attachedPolicies: attach(attached ?? []),
    });
    return this;
  }

  group(name: string, attached: string[], inline: Record<string, PolicyDocument> = {}): this {
    this.groups.push({
      groupName: name,
      arn: `arn:aws:iam::${this.accountId}:group/${name}`,
      inlinePolicies: Object.entries(inline).map(([n, document]) => ({ name: n, document })),
      attachedPolicies: attach(attached),
    });
    return this;
  }

  /** Registers a customer managed policy and returns its ARN for attaching. */
  managed(name: string, version: string, document: PolicyDocument): string {
    this.customer.push({ name, version, document });
    return customerPolicyArn(this.accountId, name);
  }

  /** The IAM section; `policies` holds every managed policy attached anywhere (boundaries included). */
  build(): IamInventory {
    const known = new Map<string, ManagedPolicy>(awsManagedPolicies().map((p) => [p.arn, p]));
    for (const c of this.customer) {
      const arn = customerPolicyArn(this.accountId, c.name);
      known.set(arn, { policyName: c.name, arn, isAwsManaged: false, defaultVersionId: c.version, document: c.document });
    }
    const used = new Set<string>([
      ...[...this.roles, ...this.users, ...this.groups].flatMap((p) => p.attachedPolicies.map((a) => a.policyArn)),
      ...this.roles.flatMap((r) => (r.permissionsBoundaryArn ? [r.permissionsBoundaryArn] : [])),
    ]);
    const policies = [...used].sort().map((arn) => {
      const found = known.get(arn);
      if (!found) throw new Error(`Demo IAM attaches ${arn}, which is not defined`);
      return found;
    });
    return { roles: this.roles, users: this.users, groups: this.groups, policies };
  }
}
