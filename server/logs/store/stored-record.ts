import "server-only";
import type { InvocationRecord } from "../record";
import { extractPrompt, extractResponse } from "../text";

/**
 * The stored form of a record: everything except the extracted prompt and response text (the FTS
 * index holds their tokens and they are derived again from the bodies on read) and with the body
 * sizes measured here, from the one serialisation of each body the store needs anyway.
 */
function encodeStored(r: InvocationRecord): string {
  const { promptText: _prompt, responseText: _response, inputBody, outputBody, ...rest } = r;
  const input = inputBody === null || inputBody === undefined ? null : JSON.stringify(inputBody);
  const output = outputBody === null || outputBody === undefined ? null : JSON.stringify(outputBody);
  const bytes = {
    input: input === null ? 0 : Buffer.byteLength(input, "utf8"),
    output: output === null ? 0 : Buffer.byteLength(output, "utf8"),
  };
  return `{"record":${JSON.stringify({ ...rest, bytes })},"inputBody":${input ?? "null"},"outputBody":${output ?? "null"}}`;
}

type Stored = {
  record: Omit<InvocationRecord, "promptText" | "responseText" | "inputBody" | "outputBody">;
  inputBody: unknown;
  outputBody: unknown;
};

/** The blob is what encodeStored wrote; it is trusted like any other column of the store. */
export function decodeStored(json: string): InvocationRecord {
  const { record, inputBody, outputBody } = JSON.parse(json) as Stored;
  return { ...record, inputBody, outputBody, promptText: extractPrompt(inputBody), responseText: extractResponse(outputBody) };
}

/** A group of stored records, deflated together, and where each one lies in the inflated bytes. */
export type BodyChunk = { data: Buffer; members: { offset: number; length: number }[] };

const CHUNK_RECORDS = 64;
const CHUNK_BYTES = 256 * 1024;

/**
 * Packs consecutive records into chunks of at most 64 records or 256 kB (the last record may pass
 * it), so reading one record inflates at most about that much. Level 1: most of the size gain for
 * far less CPU than the default 6; reads inflate any level.
 */
export function packRecords(records: readonly InvocationRecord[], deflate: (data: Buffer) => Buffer): BodyChunk[] {
  const chunks: BodyChunk[] = [];
  let parts: Buffer[] = [];
  let members: BodyChunk["members"] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    chunks.push({ data: deflate(Buffer.concat(parts, size)), members });
    parts = [];
    members = [];
    size = 0;
  };
  for (const r of records) {
    const bytes = Buffer.from(encodeStored(r), "utf8");
    members.push({ offset: size, length: bytes.length });
    parts.push(bytes);
    size += bytes.length;
    if (parts.length >= CHUNK_RECORDS || size >= CHUNK_BYTES) flush();
  }
  flush();
  return chunks;
}
