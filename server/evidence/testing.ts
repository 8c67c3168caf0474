import "server-only";
import { generateKeyPairSync } from "node:crypto";
import { PassThrough } from "node:stream";
import { unzipSync, zipSync } from "fflate";
import { loadSigningKey, type SigningKey } from "./keys";
import { memoryChainStore, type BundleMeta, type ChainStore } from "./manifest";
import { writeBundle, type BundleFile } from "./write";

export const TEST_META: BundleMeta = {
  scanId: "scan-42",
  framework: "soc2",
  scope: { accounts: ["111122223333"], regions: ["eu-west-1", "us-east-1"] },
  createdAt: "2026-01-02T03:04:05.000Z",
  generator: { name: "strata", version: "0.1.0" },
};

export const TEST_FILES: Record<string, string> = {
  "findings.json": JSON.stringify([
    { id: "f1", status: "FAIL" },
    { id: "f2", status: "PASS" },
  ]),
  "findings.csv": "id,status\nf1,FAIL\nf2,PASS\n",
  "ocsf/compliance-findings.jsonl": '{"class_uid":2003}\n{"class_uid":2003}\n',
  "inventory/111122223333/eu-west-1.json": JSON.stringify({ guardrails: [], models: ["anthropic.claude"] }),
};

export const ed25519Pem = () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

export const testKey = (): Promise<SigningKey> => loadSigningKey({ configuredPem: ed25519Pem(), dataDir: "/nonexistent" });

/** Writes a bundle into memory; `chunks` counts the writes that reached the output. */
export async function buildBundle(
  options: {
    files?: Record<string, string | Buffer> | BundleFile[];
    key?: SigningKey;
    chain?: ChainStore;
    meta?: BundleMeta;
  } = {},
) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const files = Array.isArray(options.files)
    ? options.files
    : Object.entries(options.files ?? TEST_FILES).map(([path, content]) => ({ path, content: Buffer.from(content) }));
  const result = await writeBundle(
    { files, meta: options.meta ?? TEST_META, key: options.key ?? (await testKey()), chain: options.chain ?? memoryChainStore() },
    out,
  );
  return { ...result, zip: Buffer.concat(chunks), writes: chunks.length };
}

/** The bundle's entries in ZIP order, read with a general-purpose unzip. */
export const unzipEntries = (zip: Uint8Array): [string, Buffer][] =>
  Object.entries(unzipSync(zip)).map(([name, content]) => [name, Buffer.from(content)]);

/** A ZIP of exactly these entries, as another tool would write them (sizes in the local headers). */
export const rezip = (entries: readonly [string, Uint8Array][]): Buffer =>
  Buffer.from(zipSync(Object.fromEntries(entries.map(([name, content]) => [name, [content, { mtime: TEST_META.createdAt }]]))));
