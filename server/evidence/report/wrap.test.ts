import { describe, expect, it } from "vitest";
import { wrapLines } from "./wrap";

/** One unit per code point: easy to reason about, and what a monospace font does. */
const measure = (s: string) => [...s].length;

describe("wrapLines", () => {
  it("breaks at spaces and never exceeds the width", () => {
    const text = "The quick brown fox jumps over the lazy dog again and again";
    const lines = wrapLines(text, 12, measure);
    expect(lines.every((l) => measure(l) <= 12)).toBe(true);
    expect(lines.join(" ")).toBe(text);
  });

  it("keeps indentation and blank lines", () => {
    expect(wrapLines('{\n  "a": 1\n\n}', 40, measure)).toEqual(["{", '  "a": 1', "", "}"]);
  });

  it("breaks an over-long ARN after its separators, not inside a name", () => {
    const lines = wrapLines("arn:aws:iam::111122223333:role/service-role/some-name", 20, measure);
    expect(lines.join("")).toBe("arn:aws:iam::111122223333:role/service-role/some-name");
    expect(lines.every((l) => measure(l) <= 20)).toBe(true);
    expect(lines[0]).toBe("arn:aws:iam::");
  });

  it("cuts a token without separators between code points, never inside a surrogate pair", () => {
    const lines = wrapLines("😀".repeat(7), 3, measure);
    expect(lines).toEqual(["😀😀😀", "😀😀😀", "😀"]);
  });
});
