import { describe, expect, it } from "vitest";
import { DEFAULT_DEMO_NOW } from "./accounts";
import { collectEstate } from "./collect-estate";
import { createDemoSource, DemoSource } from "./demo-source";

describe("demo source", () => {
  it("lists three accounts with fictional 12-digit ids in two regions", async () => {
    const targets = await new DemoSource().listTargets();
    expect(targets.map((t) => t.accountName)).toEqual(["halcyon-prod", "halcyon-staging", "halcyon-sandbox"]);
    for (const t of targets) {
      expect(t.accountId).toMatch(/^\d{12}$/);
      expect(t.regions).toEqual(["us-east-1", "eu-west-1"]);
    }
  });

  it("is deterministic: two independent generations are deep-equal", async () => {
    const first = await collectEstate(new DemoSource());
    const second = await collectEstate(createDemoSource({ collectDelayMs: 0 }));
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("anchors collectedAt and every relative time on `now`", async () => {
    const [target] = await new DemoSource().listTargets();
    if (!target) throw new Error("no target");
    const fixed = (await new DemoSource().collect(target, "us-east-1")) as { collectedAt: string };
    expect(fixed.collectedAt).toBe(DEFAULT_DEMO_NOW);
    const later = new Date("2027-03-01T12:00:00.000Z");
    const moved = (await new DemoSource({ now: later }).collect(target, "us-east-1")) as { collectedAt: string };
    expect(moved.collectedAt).toBe(later.toISOString());
    const shift = later.getTime() - new Date(DEFAULT_DEMO_NOW).getTime();
    const roleTimes = (inv: unknown) =>
      ((inv as { iam: { data: { roles: { bedrockLastAccessed?: string | null }[] } } }).iam.data.roles ?? [])
        .map((r) => r.bedrockLastAccessed)
        .filter((t): t is string => typeof t === "string");
    const before = roleTimes(fixed);
    expect(before.length).toBeGreaterThan(5);
    expect(roleTimes(moved)).toEqual(before.map((t) => new Date(new Date(t).getTime() + shift).toISOString()));
  });

  it("returns a fresh object on every collect, so callers may edit it", async () => {
    const source = new DemoSource();
    const [target] = await source.listTargets();
    if (!target) throw new Error("no target");
    const a = (await source.collect(target, "us-east-1")) as { accountName: string };
    a.accountName = "edited";
    const b = (await source.collect(target, "us-east-1")) as { accountName: string };
    expect(b.accountName).toBe("halcyon-prod");
  });

  it("rejects accounts and regions outside the estate", async () => {
    const source = new DemoSource();
    await expect(
      source.collect({ accountId: "999999999999", accountName: "x", regions: ["us-east-1"] }, "us-east-1"),
    ).rejects.toThrow(/not part of the demo estate/);
    const [target] = await source.listTargets();
    if (!target) throw new Error("no target");
    await expect(source.collect(target, "ap-south-1")).rejects.toThrow(/ap-south-1/);
  });

  it("rejects an invalid reference time", () => {
    expect(() => new DemoSource({ now: "not a date" })).toThrow(/Invalid demo reference time/);
  });

  it("waits collectDelayMs per collect", async () => {
    const source = new DemoSource({ collectDelayMs: 60 });
    const [target] = await source.listTargets();
    if (!target) throw new Error("no target");
    const started = performance.now();
    await source.collect(target, "eu-west-1");
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("honours an AbortSignal before and during the delay", async () => {
    const source = new DemoSource({ collectDelayMs: 10_000 });
    const [target] = await source.listTargets();
    if (!target) throw new Error("no target");
    const aborted = new AbortController();
    aborted.abort(new Error("scan cancelled"));
    await expect(source.listTargets(aborted.signal)).rejects.toThrow("scan cancelled");
    await expect(source.collect(target, "us-east-1", aborted.signal)).rejects.toThrow("scan cancelled");

    const controller = new AbortController();
    const started = performance.now();
    const pending = source.collect(target, "us-east-1", controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
