import { describe, expect, it } from "vitest";
import { PayloadTooLargeError, ValidationError } from "./errors";
import { readMultipart } from "./multipart";

const options = { maxBytes: 1000, notMultipart: "Send multipart.", tooLarge: (n: number | null) => `too large: ${n ?? "?"}` };

function formRequest(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const request = new Request("http://x/", { method: "POST", body: form });
  return new Request(request, { headers: { "content-type": request.headers.get("content-type") ?? "", ...headers } });
}

/** A body that arrives in pieces with no Content-Length, as a chunked upload does. */
function streamed(parts: Uint8Array[], type: string, headers: Record<string, string> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(p);
      controller.close();
    },
  });
  return new Request("http://x/", {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": type, ...headers },
  } as RequestInit);
}

describe("readMultipart", () => {
  it("returns the form of a body within the cap", async () => {
    const form = await readMultipart(formRequest({ a: "1", b: "two" }), options);
    expect(form.get("a")).toBe("1");
    expect(form.get("b")).toBe("two");
  });

  it("refuses a body that is not multipart, and one that does not parse, with a 400", async () => {
    const json = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expect(readMultipart(json, options)).rejects.toThrow(new ValidationError("Send multipart."));
    const broken = streamed([new TextEncoder().encode("garbage")], "multipart/form-data; boundary=zzz");
    await expect(readMultipart(broken, options)).rejects.toThrow(/not valid multipart\/form-data/);
  });

  it("refuses a declared length over the cap before reading, and a chunked body as soon as it passes the cap", async () => {
    const declared = streamed([new Uint8Array(10)], "multipart/form-data; boundary=zzz", { "content-length": "5000" });
    await expect(readMultipart(declared, options)).rejects.toThrow(new PayloadTooLargeError("too large: 5000"));
    const chunked = streamed([new Uint8Array(600), new Uint8Array(600)], "multipart/form-data; boundary=zzz");
    await expect(readMultipart(chunked, options)).rejects.toThrow(new PayloadTooLargeError("too large: ?"));
  });

  it("says a body shorter than its declared length was cut in front of the server", async () => {
    const cut = streamed([new Uint8Array(100)], "multipart/form-data; boundary=zzz", { "content-length": "900" });
    await expect(readMultipart(cut, options)).rejects.toThrow(/Only 0\.0 MiB of the 0\.0 MiB upload reached the server/);
  });
});
