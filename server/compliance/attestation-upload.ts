import "server-only";
import type { Kysely } from "kysely";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db";
import { PayloadTooLargeError, ValidationError } from "@/server/http/errors";
import { readMultipart } from "@/server/http/multipart";
import { addAttestation, MAX_ATTACHMENT_BYTES, type StoredAttestation } from "./attestations";

/** Room for the text fields and multipart framing beside a largest-allowed file. */
const FORM_OVERHEAD_BYTES = 128 * 1024;
const MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + FORM_OVERHEAD_BYTES;
const TOO_LARGE = "The attachment is larger than 5 MB.";
const FIELDS = ["scanId", "frameworkId", "requirementId", "text"] as const;

type AttestationForm = {
  scanId: string;
  frameworkId: string;
  requirementId: string;
  text: string;
  attachment?: { name: string; bytes: Uint8Array };
};

/** The multipart form of POST /api/compliance/attestations, size-checked before it is buffered (readMultipart). */
async function readAttestationForm(request: Request): Promise<AttestationForm> {
  const form = await readMultipart(request, {
    maxBytes: MAX_BODY_BYTES,
    notMultipart: "Send the attestation as multipart/form-data (fields scanId, frameworkId, requirementId, text, file).",
    tooLarge: () => TOO_LARGE,
  });
  const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
  const missing: string[] = [];
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === "string" && value.trim() !== "") values[field] = field === "text" ? value.trim() : value;
    else missing.push(field);
  }
  const { scanId, frameworkId, requirementId, text } = values;
  if (missing.length || !scanId || !frameworkId || !requirementId || !text)
    throw new ValidationError(
      `Missing ${missing.join(", ")}.`,
      missing.map((path) => ({ path, message: "required" })),
    );
  const file = form.get("file");
  // A form whose file input was left empty still sends a nameless, empty part: that is no attachment.
  if (!(file instanceof Blob) || (file.size === 0 && !(file instanceof File && file.name))) {
    return { scanId, frameworkId, requirementId, text };
  }
  if (file.size > MAX_ATTACHMENT_BYTES) throw new PayloadTooLargeError(TOO_LARGE);
  const name = file instanceof File && file.name ? file.name : "attachment";
  return { scanId, frameworkId, requirementId, text, attachment: { name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

/** Stores an attestation from a request: who and when come from the session and the clock, never the form. */
export async function attestFromRequest(
  db: Kysely<Database>,
  user: SessionUser,
  request: Request,
  now = new Date(),
): Promise<StoredAttestation> {
  const form = await readAttestationForm(request);
  return addAttestation(db, { ...form, by: user.email ?? user.name, at: now.toISOString() });
}
