import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/http/errors";
import { decodeCursor, encodeCursor } from "./cursor";

describe("page cursor", () => {
  it("round-trips a keyset as an opaque URL-safe string", () => {
    const cursor = encodeCursor({ t: 1_740_787_200_000, s: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ t: 1_740_787_200_000, s: 42 });
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc+/="],
    ["not JSON", Buffer.from("nope").toString("base64url")],
    ["wrong shape", Buffer.from('{"t":"1","s":2}').toString("base64url")],
    ["extra member", Buffer.from('{"t":1,"s":2,"x":0}').toString("base64url")],
    ["fractional", Buffer.from('{"t":1.5,"s":2}').toString("base64url")],
    ["too long", "A".repeat(400)],
  ])("rejects a cursor that is %s with a ValidationError", (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ValidationError);
  });
});
