import "server-only";
import { accountByKey, type AccountKey, type DemoRegion } from "@/server/sources/demo/accounts";
import { ssoRoleArn } from "@/server/sources/demo/iam/build";
import { stableId } from "@/server/sources/demo/prng";
import type { ModelChoice } from "./models";
import { Weighted } from "./random";
import type { Task } from "./scenarios";
import { TENANTS } from "./vocabulary";

// Shared by the workload tables: what a workload is, how its traffic follows the clock, and ARN helpers.

/** How a workload's traffic follows the clock (UTC hour, weekday 0 = Sunday). */
type Rhythm = "usClinic" | "euClinic" | "always" | "nightly" | "developer";

export type GuardrailUse = {
  /** Guardrail name per region (ids come from the estate's naming, so they match the posture pages). */
  names: Partial<Record<DemoRegion, string>>;
  /** Share of calls whose response carries a guardrail trace. */
  traced: number;
  /** Share of traced calls the guardrail intervenes in. */
  intervene: number;
  /** Staging runs PII in detect-only mode: findings with action NONE, never an intervention for PII. */
  detectOnly?: boolean;
  /** The guardrail has an automated-reasoning policy (prod's dosing rules). */
  reasoning?: boolean;
};

export type Workload = {
  name: string;
  account: AccountKey;
  weight: number;
  rhythm: Rhythm;
  regions: Weighted<DemoRegion>;
  models: Partial<Record<DemoRegion, Weighted<ModelChoice>>>;
  /** Every ARN the workload may log as, per region; sessions rotate through a fixed pool. */
  principals: Partial<Record<DemoRegion, readonly string[]>>;
  tasks: Weighted<Task>;
  metadata: { app: string; env: string; tenants: readonly string[] } | null;
  guardrail: GuardrailUse | null;
  /** Multiplies the base error rates (validation, throttling, timeouts). */
  errorScale: number;
  /** Share of calls whose bodies were over 100 KB and went to S3. */
  offload: number;
};

function clinic(localHour: number, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6 ? 0.35 : 1;
  if (localHour >= 8 && localHour < 18) return weekend * (localHour === 12 ? 0.8 : 1);
  if (localHour >= 7 && localHour < 21) return weekend * 0.45;
  return weekend * 0.07;
}

/** Relative traffic of a rhythm in one UTC hour; US clinics run on US Eastern time (UTC-5). */
export function rhythmWeight(rhythm: Rhythm, hourUtc: number, weekday: number): number {
  const usHour = (hourUtc + 19) % 24;
  const usWeekday = hourUtc < 5 ? (weekday + 6) % 7 : weekday;
  switch (rhythm) {
    case "usClinic":
      return clinic(usHour, usWeekday);
    case "euClinic":
      return clinic(hourUtc, weekday);
    case "always":
      return 0.3 + 0.7 * clinic(usHour, usWeekday);
    case "nightly":
      return hourUtc >= 6 && hourUtc < 8 ? 3 : 0.02;
    case "developer":
      return usWeekday === 0 || usWeekday === 6 ? 0.03 : usHour >= 9 && usHour < 19 ? 1 : 0.02;
  }
}

export const w = <T>(...entries: [T, number][]) => new Weighted(entries);
export const only = <T>(value: T) => new Weighted([[value, 1]]);
export const id = (key: AccountKey) => accountByKey(key).id;
export const sessions = (account: AccountKey, role: string, names: readonly string[]) =>
  names.map((s) => `arn:aws:sts::${id(account)}:assumed-role/${role}/${s}`);
export const pool = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
export const ecsTasks = (label: string) => pool(12, (i) => stableId.hex(`${label}/task/${i}`, 32));
export const user = (account: AccountKey, name: string) => `arn:aws:iam::${id(account)}:user/${name}`;
export function sso(account: AccountKey, permissionSet: string, people: readonly string[]): string[] {
  const role = ssoRoleArn(id(account), permissionSet).split("/").at(-1) ?? permissionSet;
  return sessions(
    account,
    role,
    people.map((p) => `${p}@halcyonhealth.com`),
  );
}

export const prodUs = (app: string) => ({ app, env: "prod", tenants: TENANTS });
export const PROD_GUARD: GuardrailUse = {
  names: { "us-east-1": "phi-clinical-assistant", "eu-west-1": "phi-clinical-assistant-eu" },
  traced: 0.9,
  intervene: 0.04,
  reasoning: true,
};
export const ENFORCED_GUARD: GuardrailUse = {
  names: { "us-east-1": "phi-baseline-enforced", "eu-west-1": "phi-baseline-enforced-eu" },
  traced: 0.6,
  intervene: 0.025,
};
export const STAGING_GUARD: GuardrailUse = {
  names: { "us-east-1": "clinical-assistant-staging" },
  traced: 0.95,
  intervene: 0.05,
  detectOnly: true,
};
