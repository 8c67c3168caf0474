import { describe, expect, it } from "vitest";
import { splitInvisible, truncateText, visibleText } from "./escape";

describe("splitInvisible", () => {
  it("spells out ANSI escapes, NUL and bidi overrides and keeps newlines and tabs", () => {
    const segments = splitInvisible("a\u001b[31mred\u0000\n\tb\u202Eevil");
    expect(segments).toEqual([
      { text: "a", escaped: false },
      { text: "\\u001b", escaped: true },
      { text: "[31mred", escaped: false },
      { text: "\\u0000", escaped: true },
      { text: "\n\tb", escaped: false },
      { text: "\\u202e", escaped: true },
      { text: "evil", escaped: false },
    ]);
  });

  it("leaves ordinary text, markup and emoji alone", () => {
    const text = '<script>alert("x")</script> héllo 👋 日本';
    expect(splitInvisible(text)).toEqual([{ text, escaped: false }]);
  });

  it("escapes zero-width and line-separator characters", () => {
    expect(
      splitInvisible("a\u200bb\u2028c")
        .filter((s) => s.escaped)
        .map((s) => s.text),
    ).toEqual(["\\u200b", "\\u2028"]);
  });
});

describe("visibleText", () => {
  it("makes one line with visible escapes", () => {
    expect(visibleText("x\u0007y\nz")).toBe("x\\u0007y z");
  });
});

describe("truncateText", () => {
  it("does not split a surrogate pair", () => {
    const cut = truncateText("ab👋cd", 3);
    expect(cut).toEqual({ text: "ab", truncated: true });
  });
  it("keeps short text whole", () => {
    expect(truncateText("abc", 3)).toEqual({ text: "abc", truncated: false });
  });
});
