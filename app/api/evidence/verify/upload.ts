import "server-only";
import { MAX_VERIFY_FILES, parsePrevious, parseTrustedKeys } from "@/lib/evidence/verify-fields";
import type { VerifyLimits } from "@/server/evidence/verify";
import { MiB } from "@/server/evidence/zip-read";
import { PayloadTooLargeError, ValidationError } from "@/server/http/errors";

type UploadedBundle = { name: string; bytes: Buffer };

export type VerifyUpload = {
  /** In the order given: chain order, oldest first. */
  bundles: UploadedBundle[];
  /** undefined: not checked; null: the first bundle must be the first export. */
  previous: string | null | undefined;
  trustedKeyIds: string[] | undefined;
};

const FIELDS = new Set(["bundle", "previous", "trustedKeyId"]);
const OFFLINE = "Verify larger bundles offline with `npm run strata -- verify`, which reads one bundle at a time.";

/**
 * The whole request is bounded, not only each file: the multipart parser holds every part in memory
 * at once, so twice the largest bundle is allowed per request rather than that times the file count.
 */
const maxRequestBytes = (limits: VerifyLimits) => 2 * limits.maxZipBytes;

/** Reads and checks the multipart form of POST /api/evidence/verify; every refusal names the field or file. */
export async function readVerifyUpload(request: Request, limits: VerifyLimits): Promise<VerifyUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type))
    throw new ValidationError('Send the bundles as multipart/form-data, one "bundle" file field per ZIP.');
  const form = await readForm(request, type, maxRequestBytes(limits));

  for (const key of new Set(form.keys())) {
    if (!FIELDS.has(key))
      throw new ValidationError(
        `Unknown form field "${key.slice(0, 40)}": the fields are bundle (one per ZIP, oldest first), previous and trustedKeyId.`,
      );
  }
  const parts = form.getAll("bundle");
  if (parts.length === 0)
    throw new ValidationError('No bundle: attach at least one evidence bundle ZIP as a "bundle" file field.');
  if (parts.length > MAX_VERIFY_FILES)
    throw new ValidationError(
      `${parts.length} bundles: at most ${MAX_VERIFY_FILES} can be verified in one request. Verify a longer chain with \`npm run strata -- verify\`.`,
    );

  const bundles: UploadedBundle[] = [];
  for (const [i, part] of parts.entries()) {
    if (typeof part === "string")
      throw new ValidationError(`bundle ${i + 1} is a text field, not a file: attach the ZIP itself.`);
    const name = part.name.trim().slice(0, 200) || `bundle ${i + 1}`;
    if (part.size > limits.maxZipBytes)
      throw new PayloadTooLargeError(
        `Too large: ${name} is ${MiB(part.size)}, over ${MiB(limits.maxZipBytes)}, the most a bundle may be. ${OFFLINE}`,
      );
    bundles.push({ name, bytes: Buffer.from(await part.arrayBuffer()) });
  }

  const previous = parsePrevious(single(form, "previous") ?? "");
  if (!previous.ok) throw new ValidationError(previous.message);
  const trusted = parseTrustedKeys(form.getAll("trustedKeyId").map(text("trustedKeyId")).join(","));
  if (!trusted.ok) throw new ValidationError(trusted.message);
  return { bundles, previous: previous.value, trustedKeyIds: trusted.value };
}

const text = (field: string) => (value: FormDataEntryValue) => {
  if (typeof value !== "string") throw new ValidationError(`${field} must be a text field, not a file.`);
  return value;
};

function single(form: FormData, field: string): string | undefined {
  const values = form.getAll(field).map(text(field));
  if (values.length > 1) throw new ValidationError(`${field} was given more than once.`);
  return values[0];
}

/** The body, refused as soon as it is over `max`, before the parser buffers it. */
async function readForm(request: Request, type: string, max: number): Promise<FormData> {
  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  if (length !== null && length > max)
    throw new PayloadTooLargeError(
      `The upload is ${MiB(length)}, over the ${MiB(max)} one request may carry (all bundles together). ${OFFLINE}`,
    );
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    received += read.value.length;
    if (received > max) {
      await reader?.cancel();
      throw new PayloadTooLargeError(
        `The upload is over the ${MiB(max)} one request may carry (all bundles together). ${OFFLINE}`,
      );
    }
    chunks.push(read.value);
  }
  // Next's proxy layer buffers at most experimental.proxyClientMaxBodySize of a body and silently drops
  // the rest; a multipart error would hide that, so it is named here.
  if (length !== null && received < length)
    throw new PayloadTooLargeError(
      `Only ${MiB(received)} of the ${MiB(length)} upload reached the server: a request body limit in front of it cut the upload short. ${OFFLINE}`,
    );
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ValidationError("The request body is not valid multipart/form-data (it may have been cut short).");
  }
}
