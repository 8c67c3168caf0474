import { describe, expect, it } from "vitest";
import { cidrWithin, parseCidr } from "./network-cidr";

describe("cidrWithin", () => {
  it("handles IPv4 containment", () => {
    expect(cidrWithin("10.0.1.0/24", "10.0.0.0/16")).toBe(true);
    expect(cidrWithin("10.0.0.0/16", "10.0.0.0/16")).toBe(true);
    expect(cidrWithin("10.1.0.0/24", "10.0.0.0/16")).toBe(false);
    expect(cidrWithin("0.0.0.0/0", "10.0.0.0/8")).toBe(false);
    expect(cidrWithin("10.0.0.0/8", "10.0.0.0/16")).toBe(false);
  });

  it("handles IPv6 containment and never mixes families", () => {
    expect(cidrWithin("2600:1f18:abcd:1::/64", "2600:1f18:abcd::/56")).toBe(true);
    expect(cidrWithin("::/0", "2600:1f18:abcd::/56")).toBe(false);
    expect(cidrWithin("10.0.0.0/24", "::/0")).toBe(false);
  });

  it("rejects malformed text", () => {
    expect(parseCidr("10.0.0.256/24")).toBeUndefined();
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(parseCidr("nonsense")).toBeUndefined();
  });
});
