import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { attestationSchema, type Attestation } from "@/lib/schemas/compliance";
import type { Database } from "@/server/db";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { sha256Hex } from "@/server/evidence/manifest";
import { getFramework } from "./frameworks";

/** Attachments live in the database row, so the cap keeps one upload from bloating every backup. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const addAttestationSchema = attestationSchema.omit({ attachmentName: true }).extend({
  scanId: z.string().min(1),
  attachment: z
    .object({
      name: z.string().min(1).max(255),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength > 0, "The attachment is empty.")
        .refine((b) => b.byteLength <= MAX_ATTACHMENT_BYTES, "The attachment is larger than 5 MB."),
    })
    .optional(),
});

export type StoredAttestation = Attestation & { id: string; scanId: string; attachmentSha256?: string };

type Row = Omit<Selectable<Database["attestations"]>, "attachment">;

function toAttestation(row: Row): StoredAttestation {
  return {
    id: row.id,
    scanId: row.scan_id,
    frameworkId: attestationSchema.shape.frameworkId.parse(row.framework_id),
    requirementId: row.requirement_id,
    by: row.attested_by,
    at: row.attested_at,
    text: row.text,
    ...(row.attachment_name !== null && { attachmentName: row.attachment_name }),
    ...(row.attachment_sha256 !== null && { attachmentSha256: row.attachment_sha256 }),
  };
}

/** Records a person's statement for a MANUAL requirement against one scan. */
export async function addAttestation(db: Kysely<Database>, input: unknown): Promise<StoredAttestation> {
  const parsed = addAttestationSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new ValidationError(`Invalid attestation: ${details.map((d) => `${d.path}: ${d.message}`).join("; ")}`, details);
  }
  const a = parsed.data;
  const framework = getFramework(a.frameworkId);
  const requirement = framework?.requirements.find((r) => r.id === a.requirementId);
  if (!framework || !requirement) throw new ValidationError(`${a.frameworkId} has no requirement ${a.requirementId}.`);
  if (!requirement.manual)
    throw new ValidationError(
      `${framework.name} ${requirement.id} is settled by automated checks; only MANUAL requirements take an attestation.`,
    );
  const scan = await db.selectFrom("scans").select("id").where("id", "=", a.scanId).executeTakeFirst();
  if (!scan) throw new NotFoundError(`Scan ${a.scanId}`);

  const bytes = a.attachment ? Buffer.from(a.attachment.bytes) : null;
  const row: Row = {
    id: randomUUID(),
    scan_id: a.scanId,
    framework_id: a.frameworkId,
    requirement_id: a.requirementId,
    attested_by: a.by,
    attested_at: a.at,
    text: a.text,
    attachment_name: a.attachment?.name ?? null,
    attachment_sha256: bytes ? sha256Hex(bytes) : null,
  };
  await db
    .insertInto("attestations")
    .values({ ...row, attachment: bytes })
    .execute();
  return toAttestation(row);
}

/** The attestations of a scan (or several), oldest first (evaluate keeps the newest per requirement), without attachment bytes. */
export async function listAttestations(
  db: Kysely<Database>,
  scanIds: string | readonly string[],
  frameworkId?: string,
): Promise<StoredAttestation[]> {
  let query = db
    .selectFrom("attestations")
    .select([
      "id",
      "scan_id",
      "framework_id",
      "requirement_id",
      "attested_by",
      "attested_at",
      "text",
      "attachment_name",
      "attachment_sha256",
    ])
    .where("scan_id", "in", typeof scanIds === "string" ? [scanIds] : [...scanIds]);
  if (frameworkId !== undefined) query = query.where("framework_id", "=", frameworkId);
  const rows = await query.orderBy("attested_at").orderBy("id").execute();
  return rows.map(toAttestation);
}

export async function getAttestationAttachment(
  db: Kysely<Database>,
  id: string,
): Promise<{ name: string; sha256: string; bytes: Buffer }> {
  const row = await db
    .selectFrom("attestations")
    .select(["attachment_name", "attachment_sha256", "attachment"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row?.attachment || row.attachment_name === null || row.attachment_sha256 === null)
    throw new NotFoundError("The attestation's attachment");
  return { name: row.attachment_name, sha256: row.attachment_sha256, bytes: Buffer.from(row.attachment) };
}
