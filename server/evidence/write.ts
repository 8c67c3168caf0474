import "server-only";
import { createHash, sign } from "node:crypto";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Zip, ZipDeflate } from "fflate";
import type { Manifest } from "@/lib/schemas/evidence";
import { ValidationError } from "@/server/http/errors";
import type { SigningKey } from "./keys";
import { buildManifest, bundlePathProblem, serializeManifest, sha256Hex, type BundleMeta, type ChainStore } from "./manifest";

export type BundleFile = { path: string; content: Buffer | Readable };

type WriteInput = {
  files: AsyncIterable<BundleFile> | Iterable<BundleFile>;
  meta: BundleMeta;
  key: SigningKey;
  chain: ChainStore;
};

/** Large buffers go in slices so the ZIP reaches `out` (and a download) while it is being built. */
const SLICE = 1 << 20;

/**
 * Streams a bundle ZIP to `out` and ends it: the files as given (hashed while compressed), then
 * manifest.json, manifest.sig (base64 of the raw 64-byte Ed25519 signature over manifest.json's
 * exact bytes, one line) and public-key.pem. Records the new manifest's hash in `chain` only once
 * `out` has finished, so a failed export does not become the chain's last link.
 */
export async function writeBundle(input: WriteInput, out: Writable): Promise<{ manifest: Manifest; manifestSha256: string }> {
  const previous = await input.chain.last();
  const mtime = new Date(input.meta.createdAt);
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else queue.push(chunk);
  });
  // A download whose client went away errors `out`; the next flush then rejects instead of the process crashing.
  const onOutError = (error: Error) => (failure ??= error);
  out.on("error", onOutError);
  const flush = async () => {
    if (failure) throw failure;
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
      if (!out.write(chunk)) await once(out, "drain");
    }
  };
  const add = async (path: string, content: Buffer | Readable) => {
    const entry = new ZipDeflate(path, { level: 6 });
    // A fixed time (the manifest's) makes the same export produce the same ZIP bytes.
    entry.mtime = mtime;
    zip.add(entry);
    const hash = createHash("sha256");
    let bytes = 0;
    const push = async (chunk: Uint8Array, final: boolean) => {
      hash.update(chunk);
      bytes += chunk.length;
      entry.push(chunk, final);
      await flush();
    };
    if (Buffer.isBuffer(content)) {
      for (let at = 0; at < content.length; at += SLICE) await push(content.subarray(at, at + SLICE), false);
    } else {
      for await (const chunk of content as AsyncIterable<Buffer | string>) {
        await push(typeof chunk === "string" ? Buffer.from(chunk) : chunk, false);
      }
    }
    await push(new Uint8Array(0), true);
    return { path, sha256: hash.digest("hex"), bytes };
  };

  const listed: Manifest["files"] = [];
  const seen = new Set<string>();
  for await (const file of input.files) {
    const problem = bundlePathProblem(file.path) ?? (seen.has(file.path) ? `"${file.path}" is given twice` : null);
    if (problem) throw new ValidationError(`Evidence bundle: ${problem}.`);
    seen.add(file.path);
    listed.push(await add(file.path, file.content));
  }

  const manifest = buildManifest(input.meta, input.key.keyId, previous, listed);
  const manifestBytes = serializeManifest(manifest);
  const signature = sign(null, manifestBytes, input.key.privateKey).toString("base64");
  await add("manifest.json", manifestBytes);
  await add("manifest.sig", Buffer.from(`${signature}\n`));
  await add("public-key.pem", Buffer.from(input.key.publicKeyPem));
  zip.end();
  await flush();
  const finished = once(out, "finish");
  out.end();
  await finished;

  out.off("error", onOutError);
  const manifestSha256 = sha256Hex(manifestBytes);
  await input.chain.record(manifestSha256);
  return { manifest, manifestSha256 };
}
