import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/posture?severity=high")).toBe("/posture?severity=high");
  });
  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "posture", "/a b", undefined, 42])(
    "rejects %s",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/");
    },
  );
});
