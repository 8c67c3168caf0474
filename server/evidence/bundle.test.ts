import { generateKeyPairSync } from "node:crypto";
import { Readable, Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { manifestSchema, type BundleReport } from "@/lib/schemas/evidence";
import { memoryChainStore, serializeManifest, sha256Hex } from "./manifest";
import { buildBundle, rezip, TEST_FILES, TEST_META, testKey, unzipEntries } from "./testing";
import { DEFAULT_VERIFY_LIMITS, verifyBundle } from "./verify";
import { writeBundle } from "./write";
import { listZipEntries } from "./zip-read";

const failures = (report: BundleReport) => report.checks.filter((c) => !c.ok);
const flip = (bytes: Uint8Array, at: number, mask: number) => {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ mask;
  return copy;
};

describe("writeBundle → verifyBundle", () => {
  it("round-trips: every file listed with its hash, the signature and key valid", async () => {
    const chain = memoryChainStore();
    const { zip, manifest, manifestSha256 } = await buildBundle({ chain });
    const report = await verifyBundle(zip);
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.manifestSha256).toBe(manifestSha256);
    expect(await chain.last()).toBe(manifestSha256);
    expect(manifest.previousManifestSha256).toBeNull();
    expect(manifest.files.map((f) => f.path)).toEqual(Object.keys(TEST_FILES).sort());
    for (const file of manifest.files) expect(file.sha256).toBe(sha256Hex(TEST_FILES[file.path] ?? ""));
    const names = unzipEntries(zip).map(([name]) => name);
    expect(names.slice(-3)).toEqual(["manifest.json", "manifest.sig", "public-key.pem"]);
    expect(report.checks.filter((c) => c.check === "file" && c.ok)).toHaveLength(4);
  });

  it("writes a canonical manifest: sorted keys, reproducible bytes", async () => {
    const { zip, manifest } = await buildBundle();
    const stored = unzipEntries(zip).find(([name]) => name === "manifest.json")?.[1];
    expect(stored?.equals(serializeManifest(manifest))).toBe(true);
    const shuffled = manifestSchema.parse(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(manifest).reverse()))));
    expect(serializeManifest(shuffled).equals(serializeManifest(manifest))).toBe(true);
    expect(stored?.toString()).toMatch(/^\{\n {2}"createdAt": .*\n\}\n$/s);
  });

  it("streams: a large Readable reaches the output in many writes", async () => {
    const big = Array.from({ length: 40 }, (_, i) => Buffer.from(`${i}`.repeat(50_000)));
    const { zip, writes, manifest } = await buildBundle({ files: [{ path: "findings.json", content: Readable.from(big) }] });
    expect(writes).toBeGreaterThan(3);
    expect(manifest.files[0]?.sha256).toBe(sha256Hex(Buffer.concat(big)));
    expect((await verifyBundle(zip)).ok).toBe(true);
  });

  it("rejects when the output fails (a download cut off) and does not advance the chain", async () => {
    const chain = memoryChainStore();
    const out = new Writable({ write: (_chunk, _encoding, done) => done(new Error("client went away")) });
    const files = [{ path: "findings.json", content: Readable.from([Buffer.alloc(3 << 20, 7)]) }];
    await expect(writeBundle({ files, meta: TEST_META, key: await testKey(), chain }, out)).rejects.toThrow("client went away");
    expect(await chain.last()).toBeNull();
  });

  it("refuses unsafe or duplicate paths and does not advance the chain", async () => {
    for (const path of ["../x.json", "/etc/passwd", "a//b", "a b.json", "ünï.json", "inventory/./x", "manifest.json", ""]) {
      const chain = memoryChainStore("a".repeat(64));
      await expect(buildBundle({ files: { [path]: "x" }, chain }), path).rejects.toThrow(/Evidence bundle: /);
      expect(await chain.last()).toBe("a".repeat(64));
    }
    const twice = [
      { path: "a.json", content: Buffer.from("1") },
      { path: "a.json", content: Buffer.from("2") },
    ];
    await expect(buildBundle({ files: twice })).rejects.toThrow('"a.json" is given twice');
  });
});

describe("tampering is reported precisely", () => {
  it("a rebuilt ZIP with the same contents still verifies (the control for the cases below)", async () => {
    const { zip } = await buildBundle();
    expect((await verifyBundle(rezip(unzipEntries(zip)))).ok).toBe(true);
  });

  it("one changed byte in any entry fails with the right check", async () => {
    const { zip } = await buildBundle();
    const entries = unzipEntries(zip);
    for (const [index, [name, content]] of entries.entries()) {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: content.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
          const changed = entries.map(([n, c], i): [string, Buffer] => [n, i === index ? flip(c, at, mask) : c]);
          const report = await verifyBundle(rezip(changed));
          const failed = failures(report);
          expect(report.ok).toBe(false);
          if (name === "manifest.json") expect(failed.some((c) => c.check === "manifest" || c.check === "signature")).toBe(true);
          else if (name === "manifest.sig") expect(failed.map((c) => c.check)).toEqual(["signature"]);
          else if (name === "public-key.pem") expect(failed.some((c) => c.check === "public-key")).toBe(true);
          else {
            expect(failed).toHaveLength(1);
            expect(failed[0]).toMatchObject({ check: "file", subject: name });
            expect(failed[0]?.message).toMatch(
              new RegExp(`^${name}: SHA-256 mismatch: the manifest says [0-9a-f]{64}, the content hashes to [0-9a-f]{64}\\.$`),
            );
          }
        }),
        { numRuns: 100 },
      );
    }
  });

  it("one changed byte anywhere in the raw ZIP never verifies unless the contents are still exactly the signed ones", async () => {
    const { zip } = await buildBundle();
    const contents = unzipEntries(zip);
    const entries = listZipEntries(zip, DEFAULT_VERIFY_LIMITS);
    // Bytes no check covers: "version made by" and the attributes in each central record.
    const header = new Set<number>();
    for (const entry of entries) {
      const record = entry.record.byteOffset - zip.byteOffset;
      for (const at of [4, 5, 36, 37, 38, 39, 40, 41]) header.add(record + at);
    }
    // Inside a deflate stream a few bits decode to the same output: the unused high bits of the last byte, and
    // (rarely, depending on the bytes, which change with each random key) a code length the decoder never uses.
    const inData = (at: number) =>
      entries.some((e) => {
        const start = e.offset + 30 + Buffer.byteLength(e.name);
        return at >= start && at < start + e.compressedSize;
      });
    let verified = 0;
    for (let at = 0; at < zip.length; at += 1) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const tampered = flip(zip, at, mask);
        const report = await verifyBundle(tampered);
        if (!report.ok) continue;
        verified += 1;
        // What matters: a bundle that verifies holds exactly the signed contents.
        expect(unzipEntries(tampered)).toEqual(contents);
        expect(header.has(at) || inData(at), `byte ${at} ^ ${mask} went unnoticed outside any content-free place`).toBe(true);
      }
    }
    // Each entry's last data byte, and the header bytes: anything much beyond that would be a gap in the checks.
    expect(verified).toBeLessThan(header.size * 3 + entries.length * 3);
  });

  it("names a file the manifest lists but the ZIP lacks, and one the ZIP has but the manifest lacks", async () => {
    const { zip } = await buildBundle();
    const entries = unzipEntries(zip).filter(([name]) => name !== "findings.csv");
    entries.unshift(["extra.txt", Buffer.from("sneaked in")]);
    const messages = failures(await verifyBundle(rezip(entries))).map((c) => c.message);
    expect(messages).toEqual([
      "findings.csv is listed in the manifest but missing from the ZIP.",
      "extra.txt is in the ZIP but not listed in the manifest.",
    ]);
  });

  it("reports a missing, unparseable or invalid manifest, a missing signature and a non-Ed25519 key", async () => {
    const { zip } = await buildBundle();
    const without = (name: string) => unzipEntries(zip).filter(([n]) => n !== name);
    const replace = (name: string, content: string) =>
      unzipEntries(zip).map(([n, c]): [string, Buffer] => [n, n === name ? Buffer.from(content) : c]);
    const first = async (entries: [string, Buffer][]) => failures(await verifyBundle(rezip(entries)))[0]?.message;

    expect(await first(without("manifest.json"))).toBe("manifest.json is missing from the ZIP.");
    expect(await first(replace("manifest.json", '{"format":'))).toMatch(/^manifest.json is not valid JSON: /);
    expect(await first(replace("manifest.json", '{"format":"other"}'))).toMatch(
      /^manifest.json does not match strata-evidence\/1: format: .*scanId: /,
    );
    expect(await first(without("manifest.sig"))).toBe("manifest.sig is missing from the ZIP.");
    expect(await first(without("public-key.pem"))).toBe("public-key.pem is missing from the ZIP.");
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(await first(replace("public-key.pem", rsa))).toBe("public-key.pem is rsa key, not Ed25519.");
    const other = await testKey();
    expect(await first(replace("public-key.pem", other.publicKeyPem))).toMatch(
      /^public-key.pem has key id [0-9a-f]{64}, the manifest names /,
    );
  });

  it("refuses a signature whose last character differs only in bits base64 decoding ignores", async () => {
    const { zip } = await buildBundle();
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const entries = unzipEntries(zip).map(([n, c]): [string, Buffer] => {
      if (n !== "manifest.sig") return [n, c];
      const text = c.toString();
      // Character 86 carries two bits of the signature; its four low bits are padding.
      const twin = alphabet[alphabet.indexOf(text.charAt(85)) ^ 1] ?? "";
      const changed = `${text.slice(0, 85)}${twin}${text.slice(86)}`;
      expect(Buffer.from(changed, "base64").equals(Buffer.from(text, "base64"))).toBe(true);
      return [n, Buffer.from(changed)];
    });
    const report = await verifyBundle(rezip(entries));
    expect(failures(report).map((c) => c.check)).toEqual(["signature"]);
  });

  it("pins the signing key when trusted key ids are given", async () => {
    const key = await testKey();
    const { zip } = await buildBundle({ key });
    expect((await verifyBundle(zip, { trustedKeyIds: [key.keyId] })).ok).toBe(true);
    const report = await verifyBundle(zip, { trustedKeyIds: ["0".repeat(64)] });
    expect(failures(report).map((c) => c.message)).toEqual([
      `Key ${key.keyId} is not one of the trusted keys (${"0".repeat(64)}).`,
    ]);
  });
});

describe("bad input never crashes", () => {
  it("a truncated ZIP says so", async () => {
    const { zip } = await buildBundle();
    for (const length of [4, 100, Math.floor(zip.length / 2), zip.length - 1]) {
      const report = await verifyBundle(zip.subarray(0, length));
      expect(report.ok).toBe(false);
      expect(failures(report)[0]?.message).toMatch(
        /^Truncated ZIP: it starts like a ZIP but its end-of-central-directory record is missing/,
      );
    }
  });

  it("a file that is not a ZIP, or empty, says so", async () => {
    for (const bytes of [Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), Buffer.alloc(0), Buffer.from("PK")]) {
      const report = await verifyBundle(bytes, { name: "upload.zip" });
      expect(report).toMatchObject({ ok: false, source: "upload.zip", manifest: null });
      expect(failures(report)[0]?.message).toMatch(/^Not a ZIP file: /);
    }
  });

  it("caps entry count, unpacked size and file size (zip bombs)", async () => {
    const { zip } = await buildBundle({ files: { "findings.json": Buffer.alloc(200_000) } });
    const tooMany = failures(await verifyBundle(zip, { limits: { maxEntries: 3 } }));
    expect(tooMany).toEqual([
      expect.objectContaining({ check: "limits", message: "Too many entries: the ZIP holds 4, the limit is 3." }),
    ]);
    const tooBig = failures(await verifyBundle(zip, { limits: { maxTotalBytes: 100_000 } }));
    expect(tooBig[0]).toMatchObject({
      check: "limits",
      message: expect.stringMatching(/^Too large: the entries would unpack to more than/),
    });
    const tooLong = failures(await verifyBundle(zip, { limits: { maxZipBytes: 100 } }));
    expect(tooLong[0]).toMatchObject({ check: "limits", message: expect.stringMatching(/^Too large: .* is over 0.0 MiB/) });
  });

  it("an entry that unpacks to more than its header says is stopped at the declared size", async () => {
    const { zip } = await buildBundle({ files: { "findings.json": Buffer.alloc(200_000) } });
    const lying = Buffer.from(zip);
    const central = lying.indexOf(Buffer.from("PK\x01\x02", "latin1"));
    lying.writeUInt32LE(10, central + 24);
    const report = await verifyBundle(lying);
    expect(failures(report).map((c) => c.message)).toContain(
      "Corrupt ZIP: findings.json unpacks to more than the 10 bytes its header says.",
    );
  });

  it("checks the chain link when the caller knows the previous manifest hash", async () => {
    const { zip } = await buildBundle({ chain: memoryChainStore("b".repeat(64)), meta: TEST_META });
    expect((await verifyBundle(zip, { expectedPreviousManifestSha256: "b".repeat(64) })).ok).toBe(true);
    const report = await verifyBundle(zip, { expectedPreviousManifestSha256: null });
    expect(failures(report).map((c) => c.message)).toEqual([
      `Chain link mismatch: the manifest names previous manifest ${"b".repeat(64)}, expected none (first export).`,
    ]);
  });
});
