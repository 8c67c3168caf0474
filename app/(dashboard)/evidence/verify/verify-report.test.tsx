import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VerifyReport } from "@/components/evidence/verify/verify-report";
import { verifyChain } from "@/server/evidence/chain";
import { memoryChainStore } from "@/server/evidence/manifest";
import { buildBundle, rezip, testKey, unzipEntries } from "@/server/evidence/testing";
import { verifyBundle } from "@/server/evidence/verify";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const rows = (html: string) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => text(m[1] ?? "").trim());
const single = async (zip: Buffer, name: string) => {
  const report = await verifyBundle(zip, { name });
  return renderToStaticMarkup(<VerifyReport report={{ ok: report.ok, bundles: [report], links: [] }} fileNames={[name]} />);
};

describe("VerifyReport", () => {
  it("puts the failures first and gives every file its own verdict, naming one the manifest does not list", async () => {
    const { zip } = await buildBundle();
    const entries = unzipEntries(zip).map(([n, c]): [string, Buffer] => [n, n === "findings.csv" ? Buffer.from("id\n") : c]);
    entries.push(["extra.txt", Buffer.from("sneaked in")]);
    const html = await single(rezip(entries), "q1.zip");
    expect(text(html)).toContain("INVALID q1.zip 2 of 9 checks failed.");
    expect(html.indexOf("Failed checks (2)")).toBeLessThan(html.indexOf("Manifest</h3>"));
    expect(html.indexOf("Manifest</h3>")).toBeLessThan(html.indexOf("Passed checks (7)"));
    expect(rows(html)).toEqual([
      "Path Bytes SHA-256 (manifest) Content",
      expect.stringMatching(/^findings\.csv 26 [0-9a-f]{64} Failed$/),
      expect.stringMatching(/^findings\.json 57 [0-9a-f]{64} Verified$/),
      expect.stringMatching(/^inventory\/111122223333\/eu-west-1\.json 47 [0-9a-f]{64} Verified$/),
      expect.stringMatching(/^ocsf\/compliance-findings\.jsonl 38 [0-9a-f]{64} Verified$/),
      "extra.txt – – Not in manifest",
    ]);
    expect(html).not.toContain("nothing below is vouched for");
  });

  it("says the manifest is not vouched for when the signature fails", async () => {
    const { zip } = await buildBundle();
    const entries = unzipEntries(zip).map(([n, c]): [string, Buffer] => [
      n,
      n === "manifest.json" ? Buffer.from(c.toString().replace("scan-42", "scan-43")) : c,
    ]);
    const html = await single(rezip(entries), "edited.zip");
    expect(text(html)).toContain("Signature invalid: manifest.sig does not match manifest.json");
    expect(text(html)).toContain("The signature did not verify, so nothing below is vouched for");
  });

  it("names a chain's links by the uploaded files and folds the valid bundles", async () => {
    const chain = memoryChainStore();
    const key = await testKey();
    const first = await buildBundle({ chain, key });
    const second = await buildBundle({ chain, key });
    const report = await verifyChain([second.zip, first.zip]);
    const html = renderToStaticMarkup(<VerifyReport report={report} fileNames={["feb.zip", "jan.zip"]} />);
    expect(text(html)).toContain("INVALID Chain of 2 bundles, in the order given 1 broken link.");
    expect(text(html)).toContain("Bundle 1 · feb.zip → Bundle 2 · jan.zip Chain broken between bundle 1 and bundle 2");
    // Both bundles are valid on their own, so both start folded to their banner.
    expect(html.match(/<details class="group">/g)).toHaveLength(2);
    expect(html).not.toContain("<details open");
  });
});
