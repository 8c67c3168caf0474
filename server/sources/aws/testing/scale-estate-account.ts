import "server-only";
import { FakeError, page, type FakeRequest } from "./fake-aws";
import { MANAGEMENT, callerAccount, sessionKey } from "./org-estate";
import type { AccountIam } from "./scale-estate-iam-data";
import { PAGE, rng, type On } from "./scale-estate-kit";

/** Account-wide services of the scale estate: STS, Organizations (read by the management account) and IAM. */

export type ScaleAccount = { id: string; name: string };

const onlyManagement = (req: FakeRequest) => {
  if (callerAccount(req) !== MANAGEMENT) throw new FakeError("AccessDeniedException", "not the management account", 400);
};

export function addIdentity(on: On, accounts: ScaleAccount[], regions: string[]) {
  const members = new Set(accounts.map((a) => a.id));
  on("sts", "GetCallerIdentity", (req) => {
    const account = callerAccount(req);
    const arn =
      account === MANAGEMENT
        ? `arn:aws:iam::${MANAGEMENT}:user/strata`
        : `arn:aws:sts::${account}:assumed-role/StrataReadOnly/strata-scan`;
    return { Account: account, Arn: arn, UserId: `AIDA${account}` };
  });
  on("sts", "AssumeRole", (req) => {
    const roleArn = String(req.input.RoleArn);
    const account = roleArn.split(":")[4] ?? "";
    if (callerAccount(req) !== MANAGEMENT || !members.has(account))
      throw new FakeError("AccessDenied", `not authorized to assume ${roleArn}`, 403);
    return {
      Credentials: {
        AccessKeyId: sessionKey(account),
        SecretAccessKey: "secret",
        SessionToken: `token-${account}`,
        Expiration: new Date(Date.now() + 3600_000).toISOString(),
      },
      AssumedRoleUser: {
        Arn: `arn:aws:sts::${account}:assumed-role/StrataReadOnly/strata-scan`,
        AssumedRoleId: `AROA${account}:strata-scan`,
      },
    };
  });
  on("ec2", "DescribeRegions", () => ({
    regionInfo: regions.map((r) => ({ regionName: r, endpoint: `ec2.${r}.amazonaws.com`, optInStatus: "opt-in-not-required" })),
  }));
}

const ORG = "o-sc4le0rg01";
const ROOT = "r-sc01";
const OU = { workloads: "ou-sc01-workloads", prod: "ou-sc01-prod", nonprod: "ou-sc01-nonprod", sandbox: "ou-sc01-sandbox" };
const TYPES = ["SERVICE_CONTROL_POLICY", "AISERVICES_OPT_OUT_POLICY", "BEDROCK_POLICY"] as const;
const deny = (Action: string | string[], extra: object = {}) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action, Resource: "*", ...extra }] });
const ORG_POLICIES: Record<string, { type: (typeof TYPES)[number]; awsManaged?: boolean; content: string }> = {
  "p-FullAWSAccess": {
    type: "SERVICE_CONTROL_POLICY",
    awsManaged: true,
    content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
  },
  "p-denyleaveorg": { type: "SERVICE_CONTROL_POLICY", content: deny("organizations:LeaveOrganization") },
  "p-regionlock1": {
    type: "SERVICE_CONTROL_POLICY",
    content: deny("*", { Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } } }),
  },
  "p-protectlogs": {
    type: "SERVICE_CONTROL_POLICY",
    content: deny(["bedrock:DeleteModelInvocationLoggingConfiguration", "cloudtrail:StopLogging"]),
  },
  "p-nofinetune1": { type: "SERVICE_CONTROL_POLICY", content: deny("bedrock:CreateModelCustomizationJob") },
  "p-aioptout001": {
    type: "AISERVICES_OPT_OUT_POLICY",
    content: JSON.stringify({ services: { default: { opt_out_policy: { "@@assign": "optOut" } } } }),
  },
  "p-bedrockgr01": {
    type: "BEDROCK_POLICY",
    content: JSON.stringify({ bedrock: { guardrail_inference: { "@@assign": "enforced" } } }),
  },
};

export function addOrganization(on: On, accounts: ScaleAccount[]) {
  const parent = new Map<string, { Id: string; Type: string }>([
    [OU.workloads, { Id: ROOT, Type: "ROOT" }],
    [OU.sandbox, { Id: ROOT, Type: "ROOT" }],
    [OU.prod, { Id: OU.workloads, Type: "ORGANIZATIONAL_UNIT" }],
    [OU.nonprod, { Id: OU.workloads, Type: "ORGANIZATIONAL_UNIT" }],
  ]);
  const ous = [OU.prod, OU.nonprod, OU.sandbox];
  accounts.forEach((a, i) =>
    parent.set(
      a.id,
      a.id === MANAGEMENT ? { Id: ROOT, Type: "ROOT" } : { Id: ous[i % ous.length] ?? OU.prod, Type: "ORGANIZATIONAL_UNIT" },
    ),
  );
  // AWS attaches FullAWSAccess to every root, OU and account; the rest sit at chosen levels.
  const attached = (target: string, type: string): string[] => {
    const own: Record<string, string[]> = {
      [ROOT]: ["p-denyleaveorg", "p-aioptout001"],
      [OU.workloads]: ["p-regionlock1"],
      [OU.prod]: ["p-protectlogs", "p-bedrockgr01"],
      [OU.sandbox]: ["p-nofinetune1"],
    };
    const bedrockAccount = /^\d{12}$/.test(target) && rng(`org:${target}`).chance(0.3) ? ["p-bedrockgr01"] : [];
    return ["p-FullAWSAccess", ...(own[target] ?? []), ...bedrockAccount].filter((id) => ORG_POLICIES[id]?.type === type);
  };
  const policyArn = (id: string) => `arn:aws:organizations::${MANAGEMENT}:policy/${ORG}/${id}`;
  on("organizations", "DescribeOrganization", () => ({
    Organization: {
      Id: ORG,
      Arn: `arn:aws:organizations::${MANAGEMENT}:organization/${ORG}`,
      MasterAccountId: MANAGEMENT,
      FeatureSet: "ALL",
    },
  }));
  on("organizations", "ListAccounts", (req) => {
    onlyManagement(req);
    const all = [...accounts.map((a) => ({ ...a, State: "ACTIVE" })), { id: "300000000001", name: "closed", State: "SUSPENDED" }];
    const p = page(all, req.input.NextToken, PAGE.organizations);
    return {
      Accounts: p.items.map((a) => ({
        Id: a.id,
        Name: a.name,
        State: a.State,
        Arn: `arn:aws:organizations::${MANAGEMENT}:account/${ORG}/${a.id}`,
        Email: `${a.name}@example.com`,
      })),
      NextToken: p.next,
    };
  });
  on("organizations", "ListRoots", (req) => {
    onlyManagement(req);
    return { Roots: [{ Id: ROOT, Name: "Root", PolicyTypes: TYPES.map((Type) => ({ Type, Status: "ENABLED" })) }] };
  });
  on("organizations", "ListParents", (req) => {
    onlyManagement(req);
    const p = parent.get(String(req.input.ChildId));
    return { Parents: p === undefined ? [] : [p] };
  });
  on("organizations", "ListPoliciesForTarget", (req) => {
    onlyManagement(req);
    const type = String(req.input.Filter);
    const p = page(attached(String(req.input.TargetId), type), req.input.NextToken, PAGE.organizations);
    return {
      Policies: p.items.map((id) => ({
        Id: id,
        Arn: policyArn(id),
        Name: id,
        Type: type,
        AwsManaged: ORG_POLICIES[id]?.awsManaged === true,
      })),
      NextToken: p.next,
    };
  });
  on("organizations", "DescribePolicy", (req) => {
    onlyManagement(req);
    const id = String(req.input.PolicyId);
    const policy = ORG_POLICIES[id];
    if (policy === undefined) throw new FakeError("PolicyNotFoundException", `no policy ${id}`, 400);
    return {
      Policy: {
        PolicySummary: { Id: id, Arn: policyArn(id), Name: id, Type: policy.type, AwsManaged: policy.awsManaged === true },
        Content: policy.content,
      },
    };
  });
}

export function addIam(on: On, iamOf: (req: FakeRequest) => AccountIam, jobMs: number) {
  const started = new Map<string, number>();
  on("iam", "GetAccountAuthorizationDetails", (req) => {
    const p = page(iamOf(req).items, req.input.Marker, PAGE.iam);
    const lists: Record<string, unknown[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
    for (const { kind, item } of p.items) lists[kind]?.push(item);
    return { ...lists, IsTruncated: p.next !== undefined, Marker: p.next };
  });
  on("iam", "ListServiceSpecificCredentials", (req) => {
    const p = page(iamOf(req).apiKeys, req.input.Marker, PAGE.iam);
    return { ServiceSpecificCredentials: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
  });
  on("iam", "GenerateServiceLastAccessedDetails", (req) => {
    const jobId = `job-${callerAccount(req)}-${String(req.input.Arn)}`;
    started.set(jobId, Date.now());
    return { JobId: jobId };
  });
  on("iam", "GetServiceLastAccessedDetails", (req) => {
    const jobId = String(req.input.JobId);
    const since = started.get(jobId);
    if (since === undefined) throw new FakeError("NoSuchEntity", `no job ${jobId}`, 404);
    if (Date.now() - since < jobMs)
      return { JobStatus: "IN_PROGRESS", JobCreationDate: "2026-11-27T00:00:00Z", ServicesLastAccessed: [] };
    const use = rng(`last:${jobId}`).int(0, 3);
    const bedrock =
      use === 0
        ? []
        : [
            {
              ServiceName: "Amazon Bedrock",
              ServiceNamespace: "bedrock",
              LastAuthenticated: use === 1 ? "2025-01-10T00:00:00Z" : "2026-11-20T00:00:00Z",
              TotalAuthenticatedEntities: 1,
            },
          ];
    return {
      JobStatus: "COMPLETED",
      JobCreationDate: "2026-11-27T00:00:00Z",
      JobCompletionDate: "2026-11-27T00:00:01Z",
      IsTruncated: false,
      ServicesLastAccessed: [{ ServiceName: "Amazon S3", ServiceNamespace: "s3", TotalAuthenticatedEntities: 0 }, ...bedrock],
    };
  });
}
