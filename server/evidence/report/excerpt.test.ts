import { describe, expect, it } from "vitest";
import { REMOVED } from "../contents/sanitise";
import { EXCERPT_MAX_CHARS, EXCERPT_MAX_LINES, TRUNCATED_MARKER, evidenceExcerpt } from "./excerpt";

describe("evidenceExcerpt", () => {
  it("pretty-prints small evidence whole, without a marker", () => {
    expect(evidenceExcerpt('{"a":[1,2]}')).toEqual(["{", '  "a": [', "    1,", "    2", "  ]", "}"]);
  });

  it("stops at the line budget and says so", () => {
    const big = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, i]));
    const lines = evidenceExcerpt(JSON.stringify(big));
    expect(lines).toHaveLength(EXCERPT_MAX_LINES + 1);
    expect(lines.at(-1)).toBe(TRUNCATED_MARKER);
  });

  it("stops at the character budget inside one long line", () => {
    const lines = evidenceExcerpt(JSON.stringify({ blob: "x".repeat(10_000) }));
    expect(lines.at(-1)).toBe(TRUNCATED_MARKER);
    expect(lines.slice(0, -1).join("\n").length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
  });

  it("sanitises credentials like every bundle file", () => {
    const text = evidenceExcerpt(JSON.stringify({ SecretAccessKey: "abc", note: "key AKIAABCDEFGHIJKLMNOP used" })).join("\n");
    expect(text).toContain(REMOVED);
    expect(text).not.toContain("AKIAABCDEFGHIJKLMNOP");
    expect(text).not.toContain('"abc"');
  });

  it("shows damaged evidence as text instead of failing", () => {
    expect(evidenceExcerpt("{not json AKIAABCDEFGHIJKLMNOP")).toEqual([`{not json ${REMOVED}`]);
  });
});
