import "server-only";
import { FakeError, page, type FakeAws, type FakeRequest } from "./fake-aws";
import { addAudit } from "./audit-fixture";
import { addBedrock } from "./bedrock-fixture";
import { addBedrockAgent } from "./bedrock-agent-fixture";
import { addEc2 } from "./ec2-fixture";
import { addIam } from "./iam-fixture";
import { MEMBER, addOrganizations } from "./organizations-fixture";
import { addKms, addS3 } from "./storage-fixture";

/** The management account the hub credentials belong to (the organization fixture's master). */
export const MANAGEMENT = "999988887777";
export { MEMBER };
export const SUSPENDED = "444455556666";
export const HUB_KEY = "AKIDHUB";

/** Access key id of the session AssumeRole hands out for an account: the fake tells callers apart by it. */
export const sessionKey = (accountId: string) => `ASIA${accountId}`;

/** Which account a signed request comes from, by the access key in its SigV4 credential scope. */
export function callerAccount(req: FakeRequest): string {
  const key = /Credential=([^/]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (key === HUB_KEY) return MANAGEMENT;
  return key.startsWith("ASIA") ? key.slice(4) : "unknown";
}

/** The region a request was signed for. */
export function callerRegion(req: FakeRequest): string {
  return /Credential=[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? "";
}

export type OrgEstateOptions = {
  /** Accounts whose StrataReadOnly role refuses AssumeRole (a broken trust policy). */
  denyAssume?: string[];
  /** Regions DescribeRegions reports as enabled (besides a not-opted-in one). */
  regions?: string[];
};

/**
 * A two-account organization behind the fake endpoint: the management account (hub credentials)
 * and one member reached through AssumeRole, plus a suspended account that must not be scanned.
 * Every service answers for both; the member has no model-invocation logging, so the two accounts'
 * findings differ in a way a test can check.
 */
export function addOrgEstate(fake: FakeAws, options: OrgEstateOptions = {}): FakeAws {
  for (const add of [addBedrock, addBedrockAgent, addIam, addEc2, addAudit, addOrganizations, addS3, addKms]) add(fake);
  const logging = { cloudWatchConfig: { logGroupName: "/bedrock/invocations", roleArn: "arn:aws:iam::1:role/log" } };
  const accounts = [
    { Id: MANAGEMENT, Name: "management", State: "ACTIVE" },
    { Id: MEMBER, Name: "member", State: "ACTIVE" },
    { Id: SUSPENDED, Name: "closed", State: "SUSPENDED" },
  ];
  return fake
    .on("sts", "GetCallerIdentity", (req) => {
      const account = callerAccount(req);
      const arn =
        account === MANAGEMENT
          ? `arn:aws:iam::${MANAGEMENT}:user/strata`
          : `arn:aws:sts::${account}:assumed-role/StrataReadOnly/strata-scan`;
      return { Account: account, Arn: arn, UserId: `AIDA${account}` };
    })
    .on("sts", "AssumeRole", (req) => {
      const roleArn = String(req.input.RoleArn);
      const account = roleArn.split(":")[4] ?? "";
      if (callerAccount(req) !== MANAGEMENT) throw new FakeError("AccessDenied", "only the hub may assume", 403);
      if (options.denyAssume?.includes(account)) {
        throw new FakeError(
          "AccessDenied",
          `User: arn:aws:iam::${MANAGEMENT}:user/strata is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          403,
        );
      }
      return {
        Credentials: {
          AccessKeyId: sessionKey(account),
          SecretAccessKey: "secret",
          SessionToken: `token-${account}`,
          Expiration: new Date(Date.now() + 3600_000).toISOString(),
        },
        AssumedRoleUser: { Arn: `arn:aws:sts::${account}:assumed-role/StrataReadOnly/strata-scan`, AssumedRoleId: "AROA:x" },
      };
    })
    .on("organizations", "ListAccounts", (req) => {
      if (callerAccount(req) !== MANAGEMENT) throw new FakeError("AccessDeniedException", "not the management account", 400);
      const p = page(accounts, req.input.NextToken, 2);
      return { Accounts: p.items, NextToken: p.next };
    })
    .on("ec2", "DescribeRegions", () => ({
      regionInfo: [
        ...(options.regions ?? ["us-east-1", "eu-west-1"]).map((r) => ({ regionName: r, optInStatus: "opt-in-not-required" })),
        { regionName: "af-south-1", optInStatus: "not-opted-in" },
      ],
    }))
    .on("bedrock", "GetModelInvocationLoggingConfiguration", (req) =>
      callerAccount(req) === MEMBER ? {} : { loggingConfig: { ...logging, textDataDeliveryEnabled: true } },
    );
}
