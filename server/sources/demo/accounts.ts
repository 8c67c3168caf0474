import "server-only";

/** The fictional company behind the demo estate: a health-tech firm running clinical AI assistants. */
const COMPANY = { name: "Halcyon Health", slug: "halcyon" } as const;

export const DEMO_REGIONS = ["us-east-1", "eu-west-1"] as const;
export type DemoRegion = (typeof DEMO_REGIONS)[number];

export type AccountKey = "prod" | "staging" | "sandbox";

export type DemoAccount = {
  key: AccountKey;
  id: string;
  name: string;
  /** What the estate is meant to show: prod mostly good, staging middling, sandbox poor. */
  posture: "good" | "middling" | "poor";
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { key: "prod", id: "418272790315", name: `${COMPANY.slug}-prod`, posture: "good" },
  { key: "staging", id: "530917264458", name: `${COMPANY.slug}-staging`, posture: "middling" },
  { key: "sandbox", id: "672443109827", name: `${COMPANY.slug}-sandbox`, posture: "poor" },
];

/** The Organizations management account: owns the org policies, is not itself scanned. */
export const MANAGEMENT_ACCOUNT_ID = "209385716642";

/** Fixed reference time, so a demo scan reads the same on every run unless the caller passes `now`. */
export const DEFAULT_DEMO_NOW = "2026-11-27T06:00:00.000Z";

/** Everything a builder needs to render one account × region. */
export type DemoContext = { account: DemoAccount; region: DemoRegion; now: Date };

export function daysAgo(now: Date, days: number, hours = 0): string {
  return new Date(now.getTime() - (days * 24 + hours) * 3_600_000).toISOString();
}

export function daysAfter(now: Date, days: number): string {
  return new Date(now.getTime() + days * 24 * 3_600_000).toISOString();
}

export function accountByKey(key: AccountKey): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!account) throw new Error(`Unknown demo account ${key}`);
  return account;
}
