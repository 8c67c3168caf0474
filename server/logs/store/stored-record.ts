import "server-only";
import type { InvocationRecord } from "../record";
import { extractPrompt, extractResponse } from "../text";

/**
 * The stored form of a record: everything except the extracted prompt and response text (the FTS
 * index holds their tokens and they are derived again from the bodies on read) and with the body
 * sizes measured here, from the one serialisation of each body the store needs anyway.
 */
export function encodeStored(r: InvocationRecord): string {
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
