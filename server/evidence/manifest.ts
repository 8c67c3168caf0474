import "server-only";
import { createHash } from "node:crypto";
import { BUNDLE_META_FILES, BUNDLE_PATH, EVIDENCE_FORMAT, type Manifest } from "@/lib/schemas/evidence";

export type BundleMeta = Pick<Manifest, "scanId" | "framework" | "scope" | "createdAt" | "generator">;

export const sha256Hex = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * Canonical form of manifest.json, so the same manifest always hashes and signs the same:
 * object keys sorted by code unit at every depth, JSON.stringify's escaping, two-space indent,
 * "\n" line ends and one final "\n", UTF-8. Verification needs only the stored bytes; this rule
 * matters to anyone who rebuilds a manifest and wants the same hash.
 */
export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(canonicalJson(manifest), "utf8");
}

/** Sorted keys at every depth, two-space indent, trailing newline: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function buildManifest(
  meta: BundleMeta,
  keyId: string,
  previousManifestSha256: string | null,
  files: Manifest["files"],
): Manifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: EVIDENCE_FORMAT, ...meta, keyId, previousManifestSha256, files: sorted };
}

/** Why `path` cannot be a bundle entry, or null when it can. */
export function bundlePathProblem(path: string): string | null {
  if ((BUNDLE_META_FILES as readonly string[]).includes(path)) return `"${path}" is reserved for the bundle itself`;
  if (path.length > 255) return `"${path.slice(0, 40)}…" is longer than 255 characters`;
  if (path.startsWith("/")) return `"${path}" is absolute; bundle paths are relative`;
  if (path.split("/").some((segment) => segment === ".." || segment === ".")) return `"${path}" has a "." or ".." segment`;
  if (!BUNDLE_PATH.test(path)) return `"${path}" may hold only A-Z a-z 0-9 . _ - and "/" between non-empty segments`;
  return null;
}

/**
 * Where the previous export's manifest hash comes from. The app uses `dbChainStore` (chain-store.ts:
 * one `evidence_exports` row per export, a unique index keeping the chain linear across instances and
 * restarts); tests may use the in-memory one.
 */
export type ChainStore = {
  last(): Promise<string | null>;
  record(manifestSha256: string): Promise<void>;
};

export function memoryChainStore(initial: string | null = null): ChainStore {
  let last = initial;
  return {
    last: () => Promise.resolve(last),
    record: (hash) => {
      last = hash;
      return Promise.resolve();
    },
  };
}
