import "server-only";
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { manifestSchema, type Manifest, type VerifyCheck } from "@/lib/schemas/evidence";
import { publicKeyId } from "./keys";

/** What verification learnt of one ZIP entry; `bytes` is -1 when it could not be read. */
export type Stored = { sha256: string; bytes: number; content?: Buffer };

export const META = new Set(["manifest.json", "manifest.sig", "public-key.pem"]);
const SIGNATURE = /^[A-Za-z0-9+/]{86}==\n$/;

export type Note = (check: VerifyCheck["check"], subject: string, message: string) => void;

export function parseManifest(bytes: Buffer | undefined, fail: Note, pass: Note): Manifest | null {
  if (!bytes) {
    fail("manifest", "manifest.json", "manifest.json is missing from the ZIP.");
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    fail(
      "manifest",
      "manifest.json",
      `manifest.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    fail("manifest", "manifest.json", `manifest.json does not match strata-evidence/1: ${issues.join("; ")}`);
    return null;
  }
  pass(
    "manifest",
    "manifest.json",
    `manifest.json parses: scan ${parsed.data.scanId}, framework ${parsed.data.framework}, ${parsed.data.files.length} files.`,
  );
  return parsed.data;
}

export function checkPublicKey(
  pem: Buffer | undefined,
  manifest: Manifest | null,
  trusted: readonly string[] | undefined,
  fail: Note,
  pass: Note,
): KeyObject | null {
  const subject = "public-key.pem";
  if (!pem) {
    fail("public-key", subject, "public-key.pem is missing from the ZIP.");
    return null;
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: "pem" });
  } catch (error) {
    fail(
      "public-key",
      subject,
      `public-key.pem is not a PEM public key (${error instanceof Error ? error.message : String(error)}).`,
    );
    return null;
  }
  if (key.asymmetricKeyType !== "ed25519") {
    fail("public-key", subject, `public-key.pem is ${key.asymmetricKeyType ?? "an unknown"} key, not Ed25519.`);
    return null;
  }
  // Only the canonical PEM is accepted, so that no byte of the bundle goes unchecked.
  if (!pem.equals(Buffer.from(key.export({ type: "spki", format: "pem" })))) {
    fail(
      "public-key",
      subject,
      "public-key.pem is not the key's canonical SPKI PEM (extra or changed characters around the key).",
    );
    return null;
  }
  const keyId = publicKeyId(key);
  if (manifest && manifest.keyId !== keyId) {
    fail("public-key", subject, `public-key.pem has key id ${keyId}, the manifest names ${manifest.keyId}.`);
    return null;
  }
  if (trusted && !trusted.includes(keyId)) {
    fail("public-key", subject, `Key ${keyId} is not one of the trusted keys (${trusted.join(", ") || "none given"}).`);
    return key;
  }
  pass(
    "public-key",
    subject,
    `Ed25519 public key, key id ${keyId}${trusted ? " (trusted)" : " (not pinned: pass --trusted-key to require it)"}.`,
  );
  return key;
}

export function checkSignature(
  sig: Buffer | undefined,
  manifest: Buffer | undefined,
  key: KeyObject | null,
  fail: Note,
  pass: Note,
) {
  const subject = "manifest.sig";
  if (!sig) return fail("signature", subject, "manifest.sig is missing from the ZIP.");
  const text = sig.toString("utf8");
  // Re-encoding catches a change in the last character's unused bits, which decoding ignores.
  if (!SIGNATURE.test(text) || Buffer.from(text, "base64").toString("base64") !== text.trim())
    return fail(
      "signature",
      subject,
      "manifest.sig is not one line of base64 (and a newline) holding a 64-byte Ed25519 signature.",
    );
  if (!manifest || !key)
    return fail("signature", subject, "The signature cannot be checked without manifest.json and a usable public-key.pem.");
  if (!verify(null, manifest, key, Buffer.from(text.trim(), "base64"))) {
    return fail(
      "signature",
      subject,
      "Signature invalid: manifest.sig does not match manifest.json under public-key.pem (the manifest or the signature was changed).",
    );
  }
  pass("signature", subject, "Ed25519 signature over manifest.json is valid.");
}

export function checkFiles(manifest: Manifest, stored: Map<string, Stored>, fail: Note, pass: Note) {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) {
      fail("file", file.path, `${file.path} is listed twice in the manifest.`);
      continue;
    }
    listed.add(file.path);
    const actual = stored.get(file.path);
    if (actual && actual.bytes < 0) fail("file", file.path, `${file.path} is damaged in the ZIP (see the zip check above).`);
    else if (!actual || META.has(file.path))
      fail("file", file.path, `${file.path} is listed in the manifest but missing from the ZIP.`);
    else if (actual.bytes !== file.bytes)
      fail(
        "file",
        file.path,
        `${file.path}: size mismatch: the manifest says ${file.bytes} bytes, the ZIP holds ${actual.bytes}.`,
      );
    else if (actual.sha256 !== file.sha256)
      fail(
        "file",
        file.path,
        `${file.path}: SHA-256 mismatch: the manifest says ${file.sha256}, the content hashes to ${actual.sha256}.`,
      );
    else pass("file", file.path, `${file.path}: SHA-256 and size match (${file.bytes} bytes).`);
  }
  for (const name of stored.keys()) {
    if (!listed.has(name) && !META.has(name)) fail("file", name, `${name} is in the ZIP but not listed in the manifest.`);
  }
}
