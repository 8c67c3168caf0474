import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { DescribeOrganizationCommand, paginateListAccounts } from "@aws-sdk/client-organizations";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { AccountMode } from "@/lib/schemas/source";
import type { AwsClients } from "./clients";
import { drain } from "./collect-kit";
import { assumeRoleProvider } from "./credentials";
import { toUnavailable } from "./errors";

/** One account a scan covers and how Strata reaches it. */
export type AccountPlan = {
  accountId: string;
  name: string;
  origin: string;
  /** Null: the hub credentials themselves (the current account). */
  roleArn: string | null;
  credentials: AwsCredentialIdentityProvider | undefined;
};

export type AccountSettings = {
  mode: Exclude<AccountMode, "demo">;
  roleArns: string[];
  externalId?: string;
  roleName: string;
  sessionName: string;
};

/** A failure that stops target resolution, naming the IAM action to grant when it was a denial. */
export class TargetResolutionError extends Error {
  override readonly name = "TargetResolutionError";
  constructor(
    message: string,
    readonly action?: string,
  ) {
    super(message);
  }
}

const arnAccount = (arn: string) => arn.split(":")[4] ?? "";
const arnPartition = (arn: string) => arn.split(":")[1] ?? "aws";

async function callOrStop<T>(action: string, what: string, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const u = toUnavailable(error, action);
    throw new TargetResolutionError(`${what}: ${u.reason}`, u.action);
  }
}

function assumed(hub: AwsClients, settings: AccountSettings, roleArn: string): AwsCredentialIdentityProvider {
  return assumeRoleProvider(hub.sts, { roleArn, externalId: settings.externalId, sessionName: settings.sessionName });
}

/**
 * The accounts in effect for the configured mode. Only the calls a mode needs are made: role mode
 * makes none (the ARNs name the accounts); AssumeRole itself happens lazily, per account, so one
 * account's broken trust policy fails that account alone.
 */
export async function resolveAccounts(
  hub: AwsClients,
  settings: AccountSettings,
): Promise<{ plans: AccountPlan[]; organizationId: string | null }> {
  if (settings.mode === "roles") {
    const seen = new Set<string>();
    const plans = settings.roleArns.flatMap((roleArn) => {
      const accountId = arnAccount(roleArn);
      if (seen.has(accountId)) return [];
      seen.add(accountId);
      return [
        { accountId, name: accountId, origin: "STRATA_AWS_ROLE_ARNS", roleArn, credentials: assumed(hub, settings, roleArn) },
      ];
    });
    return { plans, organizationId: null };
  }

  const me = await callOrStop(
    "sts:GetCallerIdentity",
    "Could not identify the AWS credentials Strata runs with",
    hub.sts.send(new GetCallerIdentityCommand({})),
  );
  const selfId = me.Account ?? "";
  const partition = arnPartition(me.Arn ?? "arn:aws");
  if (settings.mode === "current") {
    return {
      plans: [{ accountId: selfId, name: selfId, origin: "current credentials", roleArn: null, credentials: undefined }],
      organizationId: null,
    };
  }

  const org = await callOrStop(
    "organizations:DescribeOrganization",
    "Could not read the AWS Organization",
    hub.organizations.send(new DescribeOrganizationCommand({})),
  );
  const accounts = await callOrStop(
    "organizations:ListAccounts",
    "Could not list the organization's accounts (run Strata in the management or a delegated-administrator account)",
    drain(paginateListAccounts({ client: hub.organizations }, {}), (p) => p.Accounts),
  );
  const orgId = org.Organization?.Id ?? "organization";
  const plans = accounts
    // `State` supersedes the deprecated `Status`; suspended and closing accounts cannot be scanned.
    .filter((a) => (a.State ?? a.Status) === "ACTIVE" && a.Id !== undefined)
    .map((a): AccountPlan => {
      const accountId = a.Id ?? "";
      const origin = `AWS Organizations ${orgId}`;
      if (accountId === selfId) return { accountId, name: a.Name ?? accountId, origin, roleArn: null, credentials: undefined };
      const roleArn = `arn:${partition}:iam::${accountId}:role/${settings.roleName}`;
      return { accountId, name: a.Name ?? accountId, origin, roleArn, credentials: assumed(hub, settings, roleArn) };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  return { plans, organizationId: orgId };
}
