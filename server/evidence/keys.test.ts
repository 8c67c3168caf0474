import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/server/config/env";
import { KEY_FILE, loadSigningKey, parseSigningKeyPem } from "./keys";
import { ed25519Pem } from "./testing";

const root = mkdtempSync(join(tmpdir(), "strata-evidence-keys-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `case-${++n}`);

describe("loadSigningKey", () => {
  it("generates one key on first use, even when called concurrently, and reuses it", async () => {
    const dataDir = freshDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadSigningKey({ dataDir })));
    const ids = new Set(keys.map((k) => k.keyId));
    expect(ids.size).toBe(1);
    expect(readdirSync(dataDir)).toEqual([KEY_FILE]);
    expect(statSync(join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = await loadSigningKey({ dataDir });
    expect(again.keyId).toBe(keys[0]?.keyId);
    expect(again.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(again.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses the configured key and writes nothing to the data folder", async () => {
    const dataDir = freshDir();
    const pem = ed25519Pem();
    const key = await loadSigningKey({ configuredPem: pem, dataDir });
    const other = await loadSigningKey({ configuredPem: ed25519Pem(), dataDir });
    expect(key.keyId).not.toBe(other.keyId);
    expect((await loadSigningKey({ configuredPem: pem.replace(/\n/g, "\\n"), dataDir })).keyId).toBe(key.keyId);
    expect(() => readdirSync(dataDir)).toThrow(/ENOENT/);
  });

  it("refuses a key file that is not an Ed25519 key", async () => {
    const dataDir = freshDir();
    await loadSigningKey({ dataDir });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dataDir, KEY_FILE), "garbage");
    await expect(loadSigningKey({ dataDir })).rejects.toThrow(/evidence-signing-key\.pem must be a PKCS#8 PEM private key/);
  });
});

describe("configured signing key", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

  it("names what is wrong with a bad key", () => {
    expect(() => parseSigningKeyPem(rsa)).toThrow("must be an Ed25519 key, not rsa");
    expect(() => parseSigningKeyPem("not a key")).toThrow(/must be a PKCS#8 PEM private key/);
    expect(() => parseSigningKeyPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")).toThrow(
      /is not a readable PEM private key/,
    );
  });

  it("is validated with the rest of the environment", () => {
    expect(() => parseEnv({ STRATA_EVIDENCE_SIGNING_KEY: rsa })).toThrow(ConfigError);
    expect(() => parseEnv({ STRATA_EVIDENCE_SIGNING_KEY: rsa })).toThrow(
      /STRATA_EVIDENCE_SIGNING_KEY: must be an Ed25519 key, not rsa/,
    );
    const pem = ed25519Pem();
    expect(parseEnv({ STRATA_EVIDENCE_SIGNING_KEY: pem }).STRATA_EVIDENCE_SIGNING_KEY).toBe(pem);
  });
});
