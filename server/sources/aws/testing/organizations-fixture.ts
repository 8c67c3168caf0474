import "server-only";
import { type FakeAws, FakeError, page } from "./fake-aws";

export const MEMBER = "111122223333";
export const SCP_CONTENT = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "bedrock:*", Resource: "*" }],
});

/** Organization o-1: root r-1 → ou-a → ou-b → MEMBER. SCPs and a Bedrock policy at several levels. */
export function addOrganizations(fake: FakeAws, options: { member?: boolean } = {}): FakeAws {
  const parents: Record<string, { Id: string; Type: string }> = {
    [MEMBER]: { Id: "ou-b", Type: "ORGANIZATIONAL_UNIT" },
    "ou-b": { Id: "ou-a", Type: "ORGANIZATIONAL_UNIT" },
    "ou-a": { Id: "r-1", Type: "ROOT" },
  };
  const attached: Record<string, { Id: string; Type: string; AwsManaged?: boolean }[]> = {
    "r-1:SERVICE_CONTROL_POLICY": [{ Id: "p-full", Type: "SERVICE_CONTROL_POLICY", AwsManaged: true }],
    "ou-a:SERVICE_CONTROL_POLICY": [
      { Id: "p-full", Type: "SERVICE_CONTROL_POLICY", AwsManaged: true },
      { Id: "p-deny", Type: "SERVICE_CONTROL_POLICY" },
      { Id: "p-x", Type: "SERVICE_CONTROL_POLICY" },
    ],
    [`${MEMBER}:BEDROCK_POLICY`]: [{ Id: "p-bedrock", Type: "BEDROCK_POLICY" }],
  };
  const arn = (id: string) => `arn:aws:organizations::999988887777:policy/o-1/${id}`;
  return fake
    .on("organizations", "DescribeOrganization", () => {
      if (options.member === false)
        throw new FakeError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
      return {
        Organization: {
          Id: "o-1",
          Arn: "arn:aws:organizations::999988887777:organization/o-1",
          MasterAccountId: "999988887777",
          FeatureSet: "ALL",
        },
      };
    })
    .on("organizations", "ListRoots", () => ({
      Roots: [
        {
          Id: "r-1",
          Name: "Root",
          PolicyTypes: [
            { Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" },
            { Type: "BEDROCK_POLICY", Status: "ENABLED" },
            { Type: "TAG_POLICY", Status: "PENDING_DISABLE" },
          ],
        },
      ],
    }))
    .on("organizations", "ListParents", (r) => {
      const parent = parents[String(r.input.ChildId)];
      return { Parents: parent === undefined ? [] : [parent] };
    })
    .on("organizations", "ListPoliciesForTarget", (r) => {
      const p = page(attached[`${String(r.input.TargetId)}:${String(r.input.Filter)}`] ?? [], r.input.NextToken, 2);
      return { Policies: p.items.map((x) => ({ ...x, Arn: arn(x.Id), Name: x.Id })), NextToken: p.next };
    })
    .on("organizations", "DescribePolicy", (r) => {
      const id = String(r.input.PolicyId);
      return {
        Policy: {
          PolicySummary: {
            Id: id,
            Arn: arn(id),
            Name: id,
            Type: id === "p-bedrock" ? "BEDROCK_POLICY" : "SERVICE_CONTROL_POLICY",
          },
          Content: id === "p-deny" ? SCP_CONTENT : "{}",
        },
      };
    });
}
