import "server-only";
import type { Kysely } from "kysely";
import { getAttestationAttachment, type StoredAttestation } from "@/server/compliance/attestations";
import type { Database } from "@/server/db";
import { canonicalJson } from "../manifest";
import type { BundleFile } from "../write";

/** An uploaded file name as a bundle path segment: whatever the uploader typed is never trusted as a path. */
function safeName(name: string): string {
  const safe = name.replaceAll(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return safe.slice(-120) || "attachment";
}

/**
 * attestations/attestations.json (every statement made for the exported frameworks on this scan) and each
 * attachment under attestations/<id>/<name>, so the bundle carries what a person attested, not just that they did.
 * Each entry names its attachment's path and SHA-256; the manifest then covers the bytes.
 */
export async function* attestationFiles(
  db: Kysely<Database>,
  attestations: readonly StoredAttestation[],
): AsyncGenerator<BundleFile> {
  if (attestations.length === 0) return;
  const listed = attestations.map((a) => ({
    ...a,
    ...(a.attachmentName !== undefined && { attachmentPath: `attestations/${a.id}/${safeName(a.attachmentName)}` }),
  }));
  yield { path: "attestations/attestations.json", content: Buffer.from(canonicalJson({ attestations: listed }), "utf8") };
  for (const a of listed) {
    if (!a.attachmentPath) continue;
    const attachment = await getAttestationAttachment(db, a.id);
    yield { path: a.attachmentPath, content: attachment.bytes };
  }
}
