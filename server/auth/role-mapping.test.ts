import { describe, expect, it } from "vitest";
import { roleFromGroups } from "./role-mapping";

const map = { "sec-viewers": "viewer", "sec-analysts": "analyst", "sec-admins": "admin" } as const;

describe("roleFromGroups", () => {
  it("picks the most capable mapped role", () => {
    expect(roleFromGroups(["sec-viewers", "sec-admins", "other"], map)).toBe("admin");
  });
  it("accepts a single string claim", () => {
    expect(roleFromGroups("sec-analysts", map)).toBe("analyst");
  });
  it("denies when no group is mapped or the claim is missing", () => {
    expect(roleFromGroups(["marketing"], map)).toBeNull();
    expect(roleFromGroups(undefined, map)).toBeNull();
    expect(roleFromGroups([42, null], map)).toBeNull();
  });
});
