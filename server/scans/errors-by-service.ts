import "server-only";
import type { Kysely } from "kysely";
import type { ScanError } from "@/lib/schemas/scan";
import type { Database } from "@/server/db";
import { accountNames } from "@/server/posture/accounts";
import { latestCompletedScan } from "./repository";

/** One service's collection errors in one account, across regions. */
export type ServiceErrors = {
  /** The part's first segment: "bedrock" for "bedrock.guardrails". */
  service: string;
  count: number;
  parts: string[];
  regions: string[];
  /** Distinct reasons, in the order the scan met them. */
  reasons: string[];
  /** Distinct IAM actions to grant, sorted. */
  actions: string[];
};

export type AccountErrors = { accountId: string; accountName: string | null; count: number; services: ServiceErrors[] };

export type LastScanErrors = {
  scan: { id: string; createdAt: string; finishedAt: string | null };
  total: number;
  accounts: AccountErrors[];
};

const byCountThenName =
  <T extends { count: number }>(name: (x: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || name(a).localeCompare(name(b));

/** "bedrock.guardrails" → "bedrock"; a part without a dot ("iam") is its own service. */
function serviceOf(part: string): string {
  const dot = part.indexOf(".");
  return dot > 0 ? part.slice(0, dot) : part;
}

/** Groups a scan's errors by account, then by service; most errors first so what to fix leads. */
export function groupScanErrors(errors: readonly ScanError[], names: ReadonlyMap<string, string> = new Map()): AccountErrors[] {
  const accounts = new Map<string, Map<string, ScanError[]>>();
  for (const error of errors) {
    const services = accounts.get(error.accountId) ?? new Map<string, ScanError[]>();
    accounts.set(error.accountId, services);
    const service = serviceOf(error.part);
    const list = services.get(service);
    if (list) list.push(error);
    else services.set(service, [error]);
  }
  return [...accounts]
    .map(([accountId, services]): AccountErrors => {
      const grouped = [...services].map(([service, list]): ServiceErrors => ({
        service,
        count: list.length,
        parts: [...new Set(list.map((e) => e.part))].sort(),
        regions: [...new Set(list.map((e) => e.region))].sort(),
        reasons: [...new Set(list.map((e) => e.reason))],
        actions: [...new Set(list.flatMap((e) => (e.action ? [e.action] : [])))].sort(),
      }));
      return {
        accountId,
        accountName: names.get(accountId) ?? null,
        count: grouped.reduce((n, s) => n + s.count, 0),
        services: grouped.sort(byCountThenName((s) => s.service)),
      };
    })
    .sort(byCountThenName((a) => a.accountName ?? a.accountId));
}

/** The latest completed scan's collection errors per account and service; null before the first scan completes. */
export async function getLastScanErrors(db: Kysely<Database>): Promise<LastScanErrors | null> {
  const scan = await latestCompletedScan(db);
  if (!scan) return null;
  const names = scan.errors.length > 0 ? await accountNames(db, scan.id) : new Map<string, string>();
  return {
    scan: { id: scan.id, createdAt: scan.createdAt, finishedAt: scan.finishedAt },
    total: scan.errors.length,
    accounts: groupScanErrors(scan.errors, names),
  };
}
