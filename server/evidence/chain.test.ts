import { describe, expect, it } from "vitest";
import { verifyChain } from "./chain";
import { memoryChainStore } from "./manifest";
import { buildBundle, testKey } from "./testing";

async function threeExports() {
  const chain = memoryChainStore();
  const key = await testKey();
  const bundles = [];
  for (let i = 0; i < 3; i += 1) bundles.push(await buildBundle({ chain, key }));
  return bundles;
}

describe("verifyChain", () => {
  it("accepts exports in the order they were made, each naming the one before", async () => {
    const [b1, b2, b3] = await threeExports();
    expect(b1?.manifest.previousManifestSha256).toBeNull();
    expect(b2?.manifest.previousManifestSha256).toBe(b1?.manifestSha256);
    const report = await verifyChain([b1, b2, b3].map((b) => b?.zip ?? Buffer.alloc(0)));
    expect(report.links.map((l) => [l.ok, l.subject])).toEqual([
      [true, "bundle 1 (bundle 1) → bundle 2 (bundle 2)"],
      [true, "bundle 2 (bundle 2) → bundle 3 (bundle 3)"],
    ]);
    expect(report.ok).toBe(true);
  });

  it("reports a reordered pair as reversed", async () => {
    const [b1, b2, b3] = await threeExports();
    const report = await verifyChain([b2, b1, b3].map((b) => b?.zip ?? Buffer.alloc(0)));
    expect(report.ok).toBe(false);
    expect(report.bundles.every((b) => b.ok)).toBe(true);
    expect(report.links[0]).toMatchObject({ ok: false, subject: "bundle 1 (bundle 1) → bundle 2 (bundle 2)" });
    expect(report.links[0]?.message).toBe(
      `Chain broken between bundle 1 and bundle 2: bundle 2 names previous manifest none (first export), but bundle 1's manifest.json hashes to ${b2?.manifestSha256} (the two are in reverse order: bundle 1 follows bundle 2).`,
    );
    expect(report.links[1]?.ok).toBe(false);
  });

  it("reports a missing link with the pair it falls between", async () => {
    const [b1, , b3] = await threeExports();
    const report = await verifyChain([b1, b3].map((b) => b?.zip ?? Buffer.alloc(0)));
    expect(report.links).toEqual([
      expect.objectContaining({
        ok: false,
        message: expect.stringMatching(
          /^Chain broken between bundle 1 and bundle 2: .*\(a bundle is missing between them, or they are out of order\)\.$/,
        ),
      }),
    ]);
  });

  it("cannot check a link next to an unreadable bundle, and says which", async () => {
    const [b1] = await threeExports();
    const report = await verifyChain([b1?.zip ?? Buffer.alloc(0), Buffer.from("not a zip")]);
    expect(report.links[0]?.message).toMatch(/: bundle 2 has no readable manifest\.$/);
    expect(report.ok).toBe(false);
  });
});
