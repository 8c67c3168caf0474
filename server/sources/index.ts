import "server-only";
import { ALL_AWS_REGIONS } from "@/lib/constants/aws-regions";
import { ConfigError, env, type Env } from "@/server/config/env";
import type { AwsSource, AwsSourceOptions } from "./aws/aws-source";
import { createDemoSource } from "./demo";
import type { InventorySource, SourceOverrides } from "./types";

/** Checks a one-run narrowing before anything is called; the message names the option. */
function validateOverrides(overrides: SourceOverrides): void {
  const badAccounts = (overrides.accounts ?? []).filter((a) => !/^\d{12}$/.test(a));
  if (badAccounts.length > 0) throw new ConfigError(`--accounts: ${badAccounts.join(", ")} is not a 12-digit AWS account id`);
  const badRegions = (overrides.regions ?? []).filter((r) => !ALL_AWS_REGIONS.includes(r));
  if (badRegions.length > 0)
    throw new ConfigError(`--regions: ${badRegions.join(", ")} is not an AWS region Strata knows (e.g. eu-west-1)`);
}

/**
 * The AWS SDK takes seconds to load; a demo deployment (or a demo CLI scan) should not pay for it.
 * The AWS source is imported on first use, behind the same interface.
 */
function lazyAwsSource(options: AwsSourceOptions): InventorySource {
  let loaded: Promise<AwsSource> | undefined;
  const source = () => (loaded ??= import("./aws/aws-source").then((m) => new m.AwsSource(options)));
  return {
    kind: "aws",
    listTargets: async (signal) => (await source()).listTargets(signal),
    collect: async (target, region, signal) => (await source()).collect(target, region, signal),
    describe: async (signal) => (await source()).describe(signal),
    testConnection: async (accountId, signal) => (await source()).testConnection(accountId, signal),
    dispose: () => void loaded?.then((s) => s.dispose()),
  };
}

function awsSource(e: Env, overrides: SourceOverrides): InventorySource {
  const regions = overrides.regions?.length
    ? { list: overrides.regions, origin: "--regions" }
    : e.STRATA_AWS_REGIONS
      ? { list: e.STRATA_AWS_REGIONS, origin: "STRATA_AWS_REGIONS" }
      : undefined;
  return lazyAwsSource({
    accounts: {
      mode: e.STRATA_AWS_ACCOUNTS,
      roleArns: e.STRATA_AWS_ROLE_ARNS ?? [],
      externalId: e.STRATA_AWS_EXTERNAL_ID,
      roleName: e.STRATA_AWS_ROLE_NAME,
      sessionName: "strata-scan",
    },
    regions,
    onlyAccounts: overrides.accounts,
    maxConcurrentRequests: e.STRATA_AWS_MAX_CONCURRENT_REQUESTS,
    // Account-wide calls go to the region the SDK is configured for, else the first scanned one.
    homeRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? regions?.list[0] ?? "us-east-1",
  });
}

/**
 * The source configured for this deployment, optionally narrowed for one run. Throws ConfigError
 * (naming the setting) for a bad account, region or role setting, before any AWS call.
 */
export function getSource(overrides: SourceOverrides = {}): InventorySource {
  const e = env();
  validateOverrides(overrides);
  if ((overrides.source ?? e.STRATA_SOURCE) === "aws") return awsSource(e, overrides);
  return createDemoSource({
    collectDelayMs: e.STRATA_DEMO_COLLECT_DELAY_MS,
    now: new Date(),
    accounts: overrides.accounts,
    regions: overrides.regions,
  });
}

/** How long the settings page reuses a resolved account list before asking AWS again. */
const INSPECT_TTL_MS = 5 * 60_000;
let inspecting: { source: InventorySource; until: number } | undefined;

/**
 * The source for the settings page (describe, test connection): reused for a few minutes, so that
 * viewing settings does not list a whole organization and discover every account's regions again
 * on each request. Scans always get a fresh source from getSource(): their data must be current.
 */
export function inspectSource(): InventorySource {
  const now = Date.now();
  if (inspecting === undefined || inspecting.until < now) inspecting = { source: getSource(), until: now + INSPECT_TTL_MS };
  return inspecting.source;
}
