import "server-only";
import { readFile, stat } from "node:fs/promises";
import type { BundleReport, Manifest, VerifyCheck } from "@/lib/schemas/evidence";
import { sha256Hex } from "./manifest";
import { checkFiles, checkPublicKey, checkSignature, META, parseManifest, type Stored } from "./verify-checks";
import { zipLayoutProblems } from "./zip-layout";
import { listZipEntries, MiB, readZipEntry, ZipFormatError, ZipLimitError, type ZipLimits } from "./zip-read";

export type VerifyLimits = ZipLimits & { maxZipBytes: number };

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  maxZipBytes: 512 * 1048576,
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1048576,
};

export type VerifyOptions = {
  /** The previous export's manifest hash the bundle must name (null: it must be the first export). */
  expectedPreviousManifestSha256?: string | null;
  /** Key ids (SHA-256 of the SPKI DER) allowed to have signed; unset: any key, its id reported. */
  trustedKeyIds?: readonly string[];
  limits?: Partial<VerifyLimits>;
  /** How the report names the bundle (default: the path, or "bundle"). */
  name?: string;
};

/** The bundle file could not be read at all (missing, unreadable); nothing was verified. */
export class BundleReadError extends Error {
  override readonly name = "BundleReadError";
}

export async function verifyBundle(input: Uint8Array | string, options: VerifyOptions = {}): Promise<BundleReport> {
  const limits = { ...DEFAULT_VERIFY_LIMITS, ...options.limits };
  const source = options.name ?? (typeof input === "string" ? input : "bundle");
  const checks: VerifyCheck[] = [];
  const report = (manifest: Manifest | null = null, manifestSha256: string | null = null): BundleReport => ({
    ok: checks.length > 0 && checks.every((c) => c.ok),
    source,
    manifestSha256,
    manifest,
    checks,
  });
  const fail = (check: VerifyCheck["check"], subject: string, message: string) =>
    checks.push({ check, ok: false, subject, message });
  const pass = (check: VerifyCheck["check"], subject: string, message: string) =>
    checks.push({ check, ok: true, subject, message });

  const bytes = typeof input === "string" ? await readBundle(input, limits.maxZipBytes) : Buffer.from(input);
  if (bytes === null) {
    fail("limits", source, `Too large: the file is over ${MiB(limits.maxZipBytes)}, the most a bundle may be.`);
    return report();
  }
  if (bytes.length > limits.maxZipBytes) {
    fail("limits", source, `Too large: ${MiB(bytes.length)} is over ${MiB(limits.maxZipBytes)}, the most a bundle may be.`);
    return report();
  }

  const stored = new Map<string, Stored>();
  try {
    const entries = listZipEntries(bytes, limits);
    let budget = limits.maxTotalBytes;
    for (const entry of entries) {
      if (stored.has(entry.name)) {
        fail("zip", entry.name, `${entry.name} appears more than once in the ZIP.`);
        continue;
      }
      try {
        const content = readZipEntry(bytes, entry, budget);
        budget -= content.length;
        stored.set(entry.name, {
          sha256: sha256Hex(content),
          bytes: content.length,
          content: META.has(entry.name) ? content : undefined,
        });
      } catch (error) {
        if (!(error instanceof ZipFormatError)) throw error;
        fail("zip", entry.name, error.message);
        stored.set(entry.name, { sha256: "", bytes: -1 });
      }
    }
    for (const problem of zipLayoutProblems(bytes, entries)) fail("zip", problem.subject, problem.message);
    pass("zip", source, `ZIP readable: ${entries.length} entries.`);
  } catch (error) {
    if (error instanceof ZipFormatError) fail("zip", source, error.message);
    else if (error instanceof ZipLimitError) fail("limits", source, error.message);
    else throw error;
    return report();
  }

  const manifestBytes = stored.get("manifest.json")?.content;
  const manifest = parseManifest(manifestBytes, fail, pass);
  const publicKey = checkPublicKey(stored.get("public-key.pem")?.content, manifest, options.trustedKeyIds, fail, pass);
  checkSignature(stored.get("manifest.sig")?.content, manifestBytes, publicKey, fail, pass);
  if (manifest) checkFiles(manifest, stored, fail, pass);
  if (manifest && options.expectedPreviousManifestSha256 !== undefined) {
    const expected = options.expectedPreviousManifestSha256;
    const named = manifest.previousManifestSha256;
    if (named === expected)
      pass("chain", "previousManifestSha256", `Chain link matches: previous manifest ${expected ?? "none (first export)"}.`);
    else
      fail(
        "chain",
        "previousManifestSha256",
        `Chain link mismatch: the manifest names previous manifest ${named ?? "none (first export)"}, expected ${expected ?? "none (first export)"}.`,
      );
  }
  return report(manifest, manifestBytes ? sha256Hex(manifestBytes) : null);
}

/** The file's bytes, or null when it is over the size limit. */
async function readBundle(path: string, maxBytes: number): Promise<Buffer | null> {
  try {
    if ((await stat(path)).size > maxBytes) return null;
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new BundleReadError(
      `Cannot read ${path}: ${reason === "ENOENT" ? "no such file" : reason === "EISDIR" ? "it is a folder" : reason}.`,
    );
  }
}
