import "server-only";
import { PayloadTooLargeError, ValidationError } from "./errors";

type MultipartOptions = {
  /** The most the whole body may be; over it the upload is refused before the parser buffers it. */
  maxBytes: number;
  /** What to send instead, when the body is not multipart ("Send the bundles as multipart/form-data, …"). */
  notMultipart: string;
  /** The 413 message, given the declared or received size (null when the body had no length). */
  tooLarge: (bytes: number | null) => string;
};

const MiB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * A multipart/form-data body, read with a cap: a declared Content-Length over the cap is refused at once, and a
 * body without one (chunked) is counted while it arrives and refused as soon as it passes the cap, so an upload
 * can never fill memory. A body shorter than its declared length was cut by something in front of the server
 * (a proxy's own limit); that is said as such rather than as a parse error.
 */
export async function readMultipart(request: Request, options: MultipartOptions): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new ValidationError(options.notMultipart);
  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  if (length !== null && length > options.maxBytes) throw new PayloadTooLargeError(options.tooLarge(length));

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    received += read.value.byteLength;
    if (received > options.maxBytes) {
      await reader?.cancel();
      throw new PayloadTooLargeError(options.tooLarge(length));
    }
    chunks.push(read.value);
  }
  if (length !== null && received < length)
    throw new PayloadTooLargeError(
      `Only ${MiB(received)} of the ${MiB(length)} upload reached the server: a request body limit in front of it cut the upload short.`,
    );
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ValidationError("The request body is not valid multipart/form-data (it may have been cut short).");
  }
}
