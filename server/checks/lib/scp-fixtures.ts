import "server-only";
import type { Inventory } from "@/server/inventory";
import type { Organization, OrgPolicy } from "@/server/inventory/organizations";
import { ok } from "@/server/inventory/part";
import { ACCOUNT, inventoryWith } from "../testing/inventory-fixture";

// Test fixtures for Organizations checks: an organization with the account under root → OU.

export const FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

export function orgPolicy(name: string, type: OrgPolicy["type"], content: unknown, targetIds = ["r-root"]): OrgPolicy {
  return {
    id: `p-${name}`,
    arn: `arn:aws:organizations::999988887777:policy/o-abc/${type.toLowerCase()}/p-${name}`,
    name,
    type,
    awsManaged: false,
    content: typeof content === "string" ? content : JSON.stringify(content),
    targetIds,
  };
}

export function organization(policies: OrgPolicy[], extra: Partial<Organization> = {}): Organization {
  return {
    organizationId: "o-abc",
    managementAccountId: "999988887777",
    enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "AISERVICES_OPT_OUT_POLICY", "BEDROCK_POLICY"],
    accountTargetIds: ["r-root", "ou-workloads", ACCOUNT],
    policies: [
      orgPolicy("FullAWSAccess", "SERVICE_CONTROL_POLICY", FULL_AWS_ACCESS, ["r-root", "ou-workloads", ACCOUNT]),
      ...policies,
    ],
    ...extra,
  };
}

export function withOrg(org: Organization | null, edit: (inv: Inventory) => void = () => {}): Inventory {
  return inventoryWith((inv) => {
    inv.organizations = ok(org);
    edit(inv);
  });
}
