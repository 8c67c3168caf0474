import "server-only";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type SigningKey = {
  privateKey: KeyObject;
  /** SPKI PEM, shipped in every bundle as public-key.pem. */
  publicKeyPem: string;
  /** SHA-256 (hex) of the SPKI DER: the manifest's keyId. */
  keyId: string;
};

/** Where a generated key is kept, relative to STRATA_DATA_DIR. */
export const KEY_FILE = "evidence-signing-key.pem";

/** Env files often hold a PEM on one line with literal "\n"s. */
const unescapePem = (text: string) => text.replace(/\\n/g, "\n").trim() + "\n";

/** Parses an Ed25519 PKCS#8 PEM private key; the message says what is wrong with it. */
export function parseSigningKeyPem(text: string): KeyObject {
  const pem = unescapePem(text);
  if (!pem.startsWith("-----BEGIN PRIVATE KEY-----")) {
    throw new Error(
      "must be a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----), e.g. from `openssl genpkey -algorithm ed25519`",
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch (error) {
    throw new Error(`is not a readable PEM private key (${error instanceof Error ? error.message : String(error)})`);
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType ?? "an unknown key type"}`);
  }
  return key;
}

export function publicKeyId(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

function signingKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyId: publicKeyId(publicKey),
  };
}

/**
 * The configured key (STRATA_EVIDENCE_SIGNING_KEY, already validated by env()), else the one kept in
 * `<dataDir>/evidence-signing-key.pem`, generated on first use.
 */
export async function loadSigningKey(options: { configuredPem?: string; dataDir: string }): Promise<SigningKey> {
  if (options.configuredPem) return signingKey(parseSigningKeyPem(options.configuredPem));
  const file = join(options.dataDir, KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return signingKey(existing);
  await mkdir(options.dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  try {
    // link() fails with EEXIST instead of replacing: two first uses at once keep one key, the winner's.
    await link(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(tmp);
  }
  const kept = await readKeyFile(file);
  if (!kept) throw new Error(`The evidence signing key ${file} disappeared while it was being created.`);
  return signingKey(kept);
}

async function readKeyFile(file: string): Promise<KeyObject | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    return parseSigningKeyPem(text);
  } catch (error) {
    throw new Error(`The evidence signing key ${file} ${error instanceof Error ? error.message : String(error)}.`);
  }
}
