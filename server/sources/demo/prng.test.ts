import { describe, expect, it } from "vitest";
import { mulberry32, stableId } from "./prng";

describe("demo prng", () => {
  it("mulberry32 is a pure function of its seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
    expect(mulberry32(43)()).not.toBe(values[0]);
  });

  it("derives AWS-shaped ids from resource keys, the same every time", () => {
    expect(stableId.lower("a/guardrail", 12)).toMatch(/^[a-z0-9]{12}$/);
    expect(stableId.upper("a/agent", 10)).toMatch(/^[A-Z0-9]{10}$/);
    expect(stableId.hex("a/vpc", 16)).toMatch(/^[0-9a-f]{16}$/);
    expect(stableId.uuid("a/key")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId.uuid("a/key")).toBe(stableId.uuid("a/key"));
    expect(stableId.uuid("a/key")).not.toBe(stableId.uuid("b/key"));
  });
});
