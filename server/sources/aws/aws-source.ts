import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { partitionOf } from "@/lib/constants/aws-regions";
import type { ConnectionResult, SourceDescription } from "@/lib/schemas/source";
import type { Part } from "@/server/inventory/part";
import { unavailableInventory } from "@/server/inventory/unavailable";
import type { InventorySource, ScanTarget } from "@/server/sources/types";
import { TargetResolutionError, resolveAccounts, type AccountPlan, type AccountSettings } from "./accounts";
import { Semaphore } from "./concurrency";
import { createClients, destroyClients, type AwsClients, type ClientOptions } from "./clients";
import { collectIam } from "./iam";
import { collectOrganizations } from "./organizations";
import { collectRegion } from "./collect-region";
import { mapLimit } from "./collect-kit";
import { toUnavailable } from "./errors";
import { DISCOVERED, discoverRegions } from "./regions";

export type AwsSourceOptions = {
  accounts: AccountSettings;
  /** Configured regions and the setting they came from; omitted: discovered per account. */
  regions?: { list: string[]; origin: string };
  /** Narrow the accounts in effect to these (CLI --accounts); each must be among them. */
  onlyAccounts?: string[];
  /** Region for account-wide calls (STS, IAM, Organizations, DescribeRegions). */
  homeRegion: string;
  client?: Omit<ClientOptions, "region" | "credentials" | "signal" | "scanLimit" | "urgent" | "agents"> &
    Pick<ClientOptions, "credentials">;
  /** AWS requests in flight at once across the whole scan (every account, region and service). */
  maxConcurrentRequests?: number;
};

type Target = ScanTarget & { plan: AccountPlan; regionsOrigin: string };
type Resolved = { targets: Target[]; organizationId: string | null; problems: SourceDescription["problems"] };

const DEFAULT_MAX_CONCURRENT_REQUESTS = 32;

/** Accounts whose targets are resolved at once; each costs an ec2:DescribeRegions at most. */
const RESOLVE_CONCURRENCY = 8;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Live AWS: resolves accounts (current credentials, role ARNs, or Organizations discovery) and their
 * regions, then collects each account × region with that account's credentials. Account-wide parts
 * (IAM, Organizations) are collected once per account and shared by its regions.
 */
export class AwsSource implements InventorySource {
  readonly kind = "aws" as const;
  private resolved: Promise<Resolved> | undefined;
  private hubClients: AwsClients | undefined;
  private readonly accountClients = new Map<string, AwsClients>();
  private readonly accountParts = new Map<string, { iam: Promise<Part<unknown>>; organizations: Promise<Part<unknown>> }>();

  private readonly scanLimit: Semaphore;
  private readonly agents: { httpAgent: HttpAgent; httpsAgent: HttpsAgent };
  private prefetched = false;

  constructor(private readonly options: AwsSourceOptions) {
    const limit = options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
    this.scanLimit = new Semaphore(limit);
    this.agents = {
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: limit }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: limit }),
    };
  }

  private clients(region: string, credentials: ClientOptions["credentials"], signal?: AbortSignal, urgent = false): AwsClients {
    const { scanLimit, agents } = this;
    return createClients({ ...this.options.client, region, credentials, signal, scanLimit, urgent, agents });
  }

  async listTargets(signal?: AbortSignal): Promise<ScanTarget[]> {
    const { targets, problems } = await this.resolve(signal);
    return targets.map(({ accountId, accountName, regions }) => {
      const own = problems
        .filter((p) => p.accountId === accountId)
        .map(({ reason, action }) => (action ? { reason, action } : { reason }));
      return own.length > 0 ? { accountId, accountName, regions, problems: own } : { accountId, accountName, regions };
    });
  }

  async collect(target: ScanTarget, region: string, signal?: AbortSignal): Promise<unknown> {
    const { targets } = await this.resolve(signal);
    const plan = targets.find((t) => t.accountId === target.accountId)?.plan;
    if (plan === undefined) throw new Error(`Account ${target.accountId} is not among the accounts in effect`);
    this.prefetchAccountWide(targets, signal);
    const now = new Date().toISOString();
    // Assume the role first, so a broken trust policy is reported as sts:AssumeRole for the whole
    // account rather than as a denial of whichever call happened to run first.
    const denied = await this.checkCredentials(plan);
    if (denied) return unavailableInventory(target, region, denied.reason, now, denied.action);

    const credentials = plan.credentials ?? this.options.client?.credentials;
    const clients = this.clients(region, credentials, signal);
    try {
      return await collectRegion(
        clients,
        { accountId: plan.accountId, accountName: plan.name, region, partition: partitionOf(region), signal },
        this.sharedParts(plan, signal),
      );
    } finally {
      destroyClients(clients);
    }
  }

  async describe(signal?: AbortSignal): Promise<SourceDescription> {
    const mode = this.options.accounts.mode;
    try {
      const { targets, problems } = await this.resolve(signal);
      return {
        kind: "aws",
        accountMode: mode,
        accounts: targets.map((t) => ({
          accountId: t.accountId,
          name: t.accountName,
          origin: t.plan.origin,
          roleArn: t.plan.roleArn,
          regions: t.regions,
          regionsOrigin: t.regionsOrigin,
        })),
        problems,
      };
    } catch (error) {
      const action = error instanceof TargetResolutionError ? error.action : undefined;
      return {
        kind: "aws",
        accountMode: mode,
        accounts: [],
        problems: [{ accountId: null, reason: message(error), ...(action ? { action } : {}) }],
      };
    }
  }

  async testConnection(accountId: string, signal?: AbortSignal): Promise<ConnectionResult> {
    const started = performance.now();
    const latencyMs = () => Math.round(performance.now() - started);
    const { targets } = await this.resolve(signal);
    const plan = targets.find((t) => t.accountId === accountId)?.plan;
    if (plan === undefined)
      return { ok: false, accountId, error: "This account is not among the accounts in effect", latencyMs: 0 };
    const denied = await this.checkCredentials(plan);
    if (denied)
      return {
        ok: false,
        accountId,
        error: denied.reason,
        ...(denied.action ? { action: denied.action } : {}),
        latencyMs: latencyMs(),
      };
    try {
      const me = await this.clientsFor(plan).sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
      if (me.Account !== accountId) {
        const error = `The credentials belong to account ${me.Account ?? "?"}, not ${accountId} (${me.Arn ?? ""})`;
        return { ok: false, accountId, error, latencyMs: latencyMs() };
      }
      return { ok: true, accountId, arn: me.Arn ?? "", userId: me.UserId ?? "", latencyMs: latencyMs() };
    } catch (error) {
      const u = toUnavailable(error, "sts:GetCallerIdentity");
      return { ok: false, accountId, error: u.reason, ...(u.action ? { action: u.action } : {}), latencyMs: latencyMs() };
    }
  }

  /** Releases the sockets of every client this source made. */
  dispose(): void {
    for (const clients of this.accountClients.values()) destroyClients(clients);
    if (this.hubClients) destroyClients(this.hubClients);
    this.agents.httpAgent.destroy();
    this.agents.httpsAgent.destroy();
    this.accountClients.clear();
    this.hubClients = undefined;
  }

  private hub(): AwsClients {
    this.hubClients ??= this.clients(this.options.homeRegion, this.options.client?.credentials, undefined, true);
    return this.hubClients;
  }

  /** Home-region clients with the account's credentials, for account-wide calls. */
  private clientsFor(plan: AccountPlan): AwsClients {
    if (plan.credentials === undefined) return this.hub();
    let clients = this.accountClients.get(plan.accountId);
    if (clients === undefined) {
      clients = this.clients(this.options.homeRegion, plan.credentials, undefined, true);
      this.accountClients.set(plan.accountId, clients);
    }
    return clients;
  }

  private async checkCredentials(plan: AccountPlan): Promise<{ reason: string; action?: string } | undefined> {
    if (plan.credentials === undefined || plan.roleArn === null) return undefined;
    try {
      await plan.credentials();
      return undefined;
    } catch (error) {
      const u = toUnavailable(error, "sts:AssumeRole");
      return { reason: `Could not assume ${plan.roleArn}: ${u.reason}`, action: u.action };
    }
  }

  /**
   * On a scan's first collect, every account's account-wide parts start at once rather than with
   * the account's first region: they are the scan's longest chains (IAM's last-accessed jobs take
   * seconds) and every region of the account waits for them.
   */
  private prefetchAccountWide(targets: Target[], signal?: AbortSignal): void {
    if (this.prefetched) return;
    this.prefetched = true;
    for (const t of targets) {
      void this.checkCredentials(t.plan).then((denied) => (denied ? undefined : this.sharedParts(t.plan, signal)));
    }
  }

  private sharedParts(plan: AccountPlan, signal?: AbortSignal) {
    let parts = this.accountParts.get(plan.accountId);
    if (parts === undefined) {
      const own = this.clientsFor(plan);
      // The management account reads the organization's policies for every member: members
      // themselves may not call ListRoots, ListParents or ListPoliciesForTarget.
      const orgReader = this.options.accounts.mode === "organization" ? this.hub() : own;
      const ctx = { accountId: plan.accountId, region: this.options.homeRegion, signal };
      parts = { iam: collectIam(own, ctx), organizations: collectOrganizations(orgReader, ctx) };
      this.accountParts.set(plan.accountId, parts);
    }
    return parts;
  }

  private resolve(signal?: AbortSignal): Promise<Resolved> {
    // A failed resolution is not cached: the next scan or settings view tries again.
    this.resolved ??= this.resolveOnce(signal).catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  private async resolveOnce(signal?: AbortSignal): Promise<Resolved> {
    signal?.throwIfAborted();
    const { plans: all, organizationId } = await resolveAccounts(this.hub(), this.options.accounts);
    const plans = this.narrow(all);
    const problems: Resolved["problems"] = [];
    const configured = this.options.regions;
    const targets = await mapLimit(plans, RESOLVE_CONCURRENCY, async (plan): Promise<Target> => {
      const base = { accountId: plan.accountId, accountName: plan.name, plan };
      if (configured) return { ...base, regions: configured.list, regionsOrigin: configured.origin };
      const denied = await this.checkCredentials(plan);
      if (denied) {
        problems.push({ accountId: plan.accountId, reason: denied.reason, ...(denied.action ? { action: denied.action } : {}) });
        // Scanned anyway in the home region, where every check reports the AssumeRole failure as ERROR.
        return { ...base, regions: [this.options.homeRegion], regionsOrigin: "home region (credentials failed)" };
      }
      try {
        const regions = await discoverRegions(this.clientsFor(plan).ec2);
        return { ...base, regions, regionsOrigin: DISCOVERED };
      } catch (error) {
        const u = toUnavailable(error, "ec2:DescribeRegions");
        problems.push({
          accountId: plan.accountId,
          reason: `Region discovery failed: ${u.reason}`,
          ...(u.action ? { action: u.action } : {}),
        });
        return { ...base, regions: [this.options.homeRegion], regionsOrigin: "home region (discovery failed)" };
      }
    });
    return { targets, organizationId, problems };
  }

  private narrow(plans: AccountPlan[]): AccountPlan[] {
    const only = this.options.onlyAccounts;
    if (only === undefined || only.length === 0) return plans;
    const unknown = only.filter((id) => !plans.some((p) => p.accountId === id));
    if (unknown.length > 0) {
      const known = plans.map((p) => p.accountId).join(", ") || "none";
      throw new TargetResolutionError(`--accounts ${unknown.join(", ")}: not among the accounts in effect (${known})`);
    }
    return plans.filter((p) => only.includes(p.accountId));
  }
}
