import "server-only";
import type { FakeAws, FakeRequest, Handler } from "./fake-aws";
import type { ServiceName } from "./fake-protocols";
import { HUB_KEY, MANAGEMENT, callerAccount, callerRegion } from "./org-estate";
import { addIam, addIdentity, addOrganization, type ScaleAccount } from "./scale-estate-account";
import { addBedrock, addBedrockAgent } from "./scale-estate-bedrock";
import { accountIam, type AccountIam } from "./scale-estate-iam-data";
import { addNetworkAndAudit, addStorage } from "./scale-estate-infra";
import { regionEstate, type RegionEstate } from "./scale-estate-region-data";

export { HUB_KEY, MANAGEMENT };

export type ScaleEstateOptions = {
  /** Accounts in the organization, the management account included. */
  accounts: number;
  regions: string[];
  /** Where account-wide calls go and the organization trail lives; defaults to the first region. */
  homeRegion?: string;
  /** How long an IAM service-last-accessed job takes to complete (0: done at the first read). */
  lastAccessedJobMs?: number;
};

export type CallTally = { account: string; region: string; service: ServiceName; count: number };

/**
 * An organization of N accounts × R regions behind the fake endpoint, with realistic and varying
 * resource counts (scale-estate-*-data.ts), for the scan benchmark and its test.
 * Every answer depends on the calling account (by the session key AssumeRole handed out) and region.
 */
export function addScaleEstate(fake: FakeAws, options: ScaleEstateOptions) {
  const home = options.homeRegion ?? options.regions[0] ?? "us-east-1";
  const accounts: ScaleAccount[] = [
    { id: MANAGEMENT, name: "management" },
    ...Array.from({ length: options.accounts - 1 }, (_, i) => ({
      id: String(200000000001 + i),
      name: `member-${String(i + 1).padStart(2, "0")}`,
    })),
  ];
  const tally = new Map<string, CallTally>();
  const count = (req: FakeRequest) => {
    const [account, region] = [callerAccount(req), callerRegion(req)];
    const key = `${account}/${region}/${req.service}`;
    const entry = tally.get(key) ?? { account, region, service: req.service, count: 0 };
    entry.count += 1;
    tally.set(key, entry);
  };
  const on = (service: ServiceName, operation: string, handler: Handler) =>
    fake.on(service, operation, (req) => (count(req), handler(req)));
  const rest = (service: ServiceName, operation: string, route: string, handler: Handler) =>
    fake.rest(service, operation, route, (req) => (count(req), handler(req)));

  const regional = new Map<string, RegionEstate>();
  const estate = (req: FakeRequest) => {
    const key = `${callerAccount(req)}/${callerRegion(req)}`;
    let e = regional.get(key);
    if (e === undefined) {
      e = regionEstate(callerAccount(req), callerRegion(req), { management: MANAGEMENT, homeRegion: home });
      regional.set(key, e);
    }
    return e;
  };
  const iams = new Map<string, AccountIam>();
  const iam = (req: FakeRequest) => {
    const account = callerAccount(req);
    let value = iams.get(account);
    if (value === undefined) iams.set(account, (value = accountIam(account, MANAGEMENT)));
    return value;
  };

  addIdentity(on, accounts, options.regions);
  addOrganization(on, accounts);
  addIam(on, iam, options.lastAccessedJobMs ?? 0);
  addBedrock(rest, estate);
  addBedrockAgent(rest, estate);
  addNetworkAndAudit(on, estate);
  addStorage(on, rest);
  return { accounts, homeRegion: home, callTally: () => [...tally.values()] };
}
export type ScaleEstate = ReturnType<typeof addScaleEstate>;
