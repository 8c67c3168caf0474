import "server-only";
import { MAX_VERIFY_FILES, parsePrevious, parseTrustedKeys } from "@/lib/evidence/verify-fields";
import type { VerifyLimits } from "@/server/evidence/verify";
import { MiB } from "@/server/evidence/zip-read";
import { PayloadTooLargeError, ValidationError } from "@/server/http/errors";
import { readMultipart } from "@/server/http/multipart";

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
  const max = maxRequestBytes(limits);
  const form = await readMultipart(request, {
    maxBytes: max,
    notMultipart: 'Send the bundles as multipart/form-data, one "bundle" file field per ZIP.',
    tooLarge: (bytes) =>
      `The upload is ${bytes === null ? "over" : `${MiB(bytes)}, over`} the ${MiB(max)} one request may carry (all bundles together). ${OFFLINE}`,
  });

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
