import "server-only";
import { FakeError, type FakeAws, type FakeRequest, type Handler } from "./fake-aws";
import type { ServiceName } from "./fake-protocols";
import type { RegionEstate } from "./scale-estate-region-data";

/** What the scale estate's generators and handlers share: a seeded PRNG, names, paging. */

export type Rng = {
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  id: (length: number, alphabet?: string) => string;
};

/** mulberry32, seeded with an FNV-1a hash of the key. */
export function rng(key: string): Rng {
  let a = 2166136261;
  for (let i = 0; i < key.length; i++) a = Math.imul(a ^ key.charCodeAt(i), 16777619);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const id = (length: number, alphabet = "abcdefghijklmnopqrstuvwxyz0123456789") =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  return { int, chance: (p) => next() < p, pick, id };
}

export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const when = "2025-06-01T10:00:00Z";
export const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/** The KMS keys of one account × region: the same ids wherever they are referenced. */
export function keyArn(account: string, region: string, index: number): string {
  const r = rng(`key:${account}:${region}:${index}`);
  const hex = "0123456789abcdef";
  return `arn:aws:kms:${region}:${account}:key/${r.id(8, hex)}-${r.id(4, hex)}-${r.id(4, hex)}-${r.id(4, hex)}-${r.id(12, hex)}`;
}
/** Every region has at least this many keys, so bucket encryption can reference one blindly. */
export const MIN_KEYS = 3;

/** "<purpose>-<i>-<account>-<region>": S3 handlers read the owner and region back from the name. */
export const bucketName = (purpose: string, i: number, account: string, region: string) => `${purpose}-${i}-${account}-${region}`;
export function parseBucket(name: string): { account: string; region: string } | undefined {
  const m = /-(\d{12})-([a-z]{2}(?:-[a-z]+)+-\d)$/.exec(name);
  return m === null ? undefined : { account: m[1] ?? "", region: m[2] ?? "" };
}

export type EstateContext = { management: string; homeRegion: string };

/**
 * Page sizes when the caller sets no limit. IAM's 100 items is AWS's documented default; EC2's
 * Describe* calls answer in one page without MaxResults. Where AWS documents no default (or we could
 * not confirm one) these are stand-ins of the same order.
 */
export const PAGE = { iam: 100, organizations: 20, logs: 50, alarms: 50, bedrock: 10, cloudtrail: 10 } as const;

export type On = (service: ServiceName, operation: string, handler: Handler) => FakeAws;
export type Rest = (service: ServiceName, operation: string, route: string, handler: Handler) => FakeAws;
export type EstateOf = (req: FakeRequest) => RegionEstate;

export const summary = <T extends Record<string, unknown>>(item: T, keys: (keyof T)[]) =>
  Object.fromEntries(keys.map((k) => [k, item[k]]));
export const find = <T>(items: T[], matches: (item: T) => boolean, what: string): T => {
  const found = items.find(matches);
  if (found === undefined) throw new FakeError("ResourceNotFoundException", `${what} not found`, 404);
  return found;
};
