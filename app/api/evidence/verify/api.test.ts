import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type * as VerifyModule from "@/server/evidence/verify";
import { chainReportSchema, type ChainReport } from "@/lib/schemas/evidence";
import { memoryChainStore, sha256Hex } from "@/server/evidence/manifest";
import { buildBundle, rezip, testKey, unzipEntries } from "@/server/evidence/testing";
import { POST } from "./route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const audit = vi.hoisted(() => ({ recordAudit: vi.fn(() => Promise.resolve()) }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/audit/record", () => audit);
// Small limits, so the size refusals are exercised without megabytes of test data.
vi.mock("@/server/evidence/verify", async (importOriginal) => {
  const actual = await importOriginal<typeof VerifyModule>();
  return { ...actual, DEFAULT_VERIFY_LIMITS: { ...actual.DEFAULT_VERIFY_LIMITS, maxZipBytes: 64 * 1024 } };
});

function as(role: Role | null): void {
  session.current = role
    ? { user: { id: role, name: role, email: `${role}@example.test`, role }, expires: "2099-01-01T00:00:00.000Z" }
    : null;
}

type Part = [field: string, value: string | Uint8Array, fileName?: string];
const URL_ = "http://127.0.0.1/api/evidence/verify";
const ctx = () => ({ params: Promise.resolve({}) });

function post(parts: Part[], headers?: Record<string, string>): Promise<Response> {
  const form = new FormData();
  for (const [field, value, fileName] of parts) {
    if (typeof value === "string" && fileName === undefined) form.append(field, value);
    else form.append(field, new Blob([typeof value === "string" ? value : new Uint8Array(value)]), fileName);
  }
  return POST(new NextRequest(URL_, { method: "POST", body: form, headers }), ctx());
}

const verified = async (r: Response): Promise<ChainReport> => {
  expect(r.status).toBe(200);
  expect(r.headers.get("Cache-Control")).toBe("no-store");
  return chainReportSchema.parse(await r.json());
};
const failed = (report: ChainReport) => [...report.bundles.flatMap((b) => b.checks), ...report.links].filter((c) => !c.ok);
const error = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

let valid: Awaited<ReturnType<typeof buildBundle>>;
let chain: Awaited<ReturnType<typeof buildBundle>>[];
beforeAll(async () => {
  valid = await buildBundle();
  const store = memoryChainStore();
  const key = await testKey();
  chain = [await buildBundle({ chain: store, key }), await buildBundle({ chain: store, key })];
});
beforeEach(() => {
  as("viewer");
  audit.recordAudit.mockClear();
});

const replace = (zip: Buffer, name: string, change: (c: Buffer) => Buffer) =>
  rezip(unzipEntries(zip).map(([n, c]): [string, Buffer] => [n, n === name ? change(c) : c]));

describe("POST /api/evidence/verify", () => {
  it("verifies a valid bundle for any role, names it by its file, and audits the upload's hash", async () => {
    const report = await verified(await post([["bundle", valid.zip, "evidence.zip"]]));
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.bundles[0]).toMatchObject({ source: "evidence.zip", manifestSha256: valid.manifestSha256 });
    expect(report.bundles[0]?.manifest?.scanId).toBe("scan-42");
    expect(audit.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({
        actor: "viewer@example.test",
        action: "evidence.verify",
        target: "evidence.zip",
        detail: { ok: true, files: [{ name: "evidence.zip", bytes: valid.zip.length, sha256: sha256Hex(valid.zip) }] },
      }),
    );
  });

  it("names the one file whose byte changed", async () => {
    const zip = replace(valid.zip, "findings.csv", (c) => Buffer.concat([c.subarray(0, 3), Buffer.from("X"), c.subarray(4)]));
    const report = await verified(await post([["bundle", zip, "tampered.zip"]]));
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual([
      expect.objectContaining({
        check: "file",
        subject: "findings.csv",
        message: expect.stringMatching(/^findings.csv: SHA-256 mismatch/),
      }),
    ]);
    expect(audit.recordAudit).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ ok: false }) }));
  });

  it("fails the signature when the manifest was changed", async () => {
    const zip = replace(valid.zip, "manifest.json", (c) => Buffer.from(c.toString().replace("scan-42", "scan-43")));
    const report = await verified(await post([["bundle", zip, "b.zip"]]));
    expect(failed(report).map((c) => [c.check, c.subject])).toEqual([["signature", "manifest.sig"]]);
    expect(failed(report)[0]?.message).toMatch(/^Signature invalid: manifest.sig does not match manifest.json/);
  });

  it("answers bad input with the precise failing check, never a crash", async () => {
    const first = async (bytes: Uint8Array | string) =>
      failed(await verified(await post([["bundle", bytes, "upload.zip"]])))[0]?.message;
    expect(await first("just some notes, not a zip\n")).toBe(
      "Not a ZIP file: it has no ZIP signature and no end-of-central-directory record.",
    );
    expect(await first(valid.zip.subarray(0, Math.floor(valid.zip.length / 2)))).toMatch(
      /^Truncated ZIP: it starts like a ZIP but its end-of-central-directory record is missing \(\d+ bytes; the file was cut short\)\.$/,
    );
    expect(await first(replace(valid.zip, "manifest.json", () => Buffer.from('{"format":')))).toMatch(
      /^manifest.json is not valid JSON: /,
    );
    const missing = rezip(unzipEntries(valid.zip).filter(([n]) => n !== "findings.json"));
    expect(await first(missing)).toBe("findings.json is listed in the manifest but missing from the ZIP.");
  });

  it("verifies a chain in the order given and names the broken link when reversed", async () => {
    const [b1, b2] = chain.map((b) => b.zip);
    if (!b1 || !b2) throw new Error("no chain");
    const inOrder = await verified(
      await post([
        ["bundle", b1, "jan.zip"],
        ["bundle", b2, "feb.zip"],
      ]),
    );
    expect(inOrder.ok).toBe(true);
    expect(inOrder.links).toEqual([expect.objectContaining({ ok: true, subject: "bundle 1 (jan.zip) → bundle 2 (feb.zip)" })]);

    const reversed = await verified(
      await post([
        ["bundle", b2, "feb.zip"],
        ["bundle", b1, "jan.zip"],
      ]),
    );
    expect(reversed.ok).toBe(false);
    expect(reversed.bundles.every((b) => b.ok)).toBe(true);
    expect(failed(reversed)).toEqual([
      expect.objectContaining({
        check: "chain",
        subject: "bundle 1 (feb.zip) → bundle 2 (jan.zip)",
        message: expect.stringContaining("(the two are in reverse order: feb.zip follows jan.zip)."),
      }),
    ]);
  });

  it("applies previous and trustedKeyId as the CLI's --previous and --trusted-key do", async () => {
    const [b1, b2] = chain;
    if (!b1 || !b2) throw new Error("no chain");
    const pinned = await verified(
      await post([
        ["bundle", b2.zip, "feb.zip"],
        ["previous", b1.manifestSha256],
        ["trustedKeyId", b2.manifest.keyId],
      ]),
    );
    expect(pinned.ok).toBe(true);
    const wrong = await verified(
      await post([
        ["bundle", b2.zip, "feb.zip"],
        ["previous", "none"],
        ["trustedKeyId", "0".repeat(64)],
      ]),
    );
    expect(failed(wrong).map((c) => c.check)).toEqual(["public-key", "chain"]);
    expect(failed(wrong)[1]?.message).toBe(
      `Chain link mismatch: the manifest names previous manifest ${b1.manifestSha256}, expected none (first export).`,
    );
  });

  it("refuses oversize uploads with 413 before verifying, naming the file or the total", async () => {
    const big = await post([["bundle", Buffer.alloc(70 * 1024, 1), "huge.zip"]]);
    expect(big.status).toBe(413);
    expect((await error(big)).message).toMatch(/^Too large: huge.zip is 0.1 MiB, over 0.1 MiB, the most a bundle may be\. /);
    const total = await post(["a", "b", "c"].map((n): Part => ["bundle", Buffer.alloc(50 * 1024, 1), `${n}.zip`]));
    expect(total.status).toBe(413);
    expect((await error(total)).message).toMatch(
      /^The upload is over the 0.1 MiB one request may carry \(all bundles together\)\./,
    );
    const declared = await post([["bundle", valid.zip, "a.zip"]], { "content-length": String(1 << 30) });
    expect(declared.status).toBe(413);
    expect((await error(declared)).message).toMatch(/^The upload is 1024.0 MiB, over the 0.1 MiB one request may carry/);
    expect(audit.recordAudit).not.toHaveBeenCalled();
  });

  it("answers a malformed request with 400 and what is wrong, and anyone signed out with 401", async () => {
    const noFile = await post([["previous", "none"]]);
    expect(noFile.status).toBe(400);
    expect((await error(noFile)).message).toBe('No bundle: attach at least one evidence bundle ZIP as a "bundle" file field.');
    const badHex = await post([
      ["bundle", valid.zip, "a.zip"],
      ["previous", "ABC"],
    ]);
    expect(badHex.status).toBe(400);
    expect((await error(badHex)).message).toBe('Invalid previous manifest hash "ABC": must be a lower-case hex SHA-256 or none.');
    const badKey = await post([
      ["bundle", valid.zip, "a.zip"],
      ["trustedKeyId", "xyz"],
    ]);
    expect((await error(badKey)).message).toBe('Invalid trusted key id "xyz": must be a key id (64 lower-case hex characters).');
    const textBundle = await post([["bundle", "PK not really"]]);
    expect((await error(textBundle)).message).toBe("bundle 1 is a text field, not a file: attach the ZIP itself.");
    const unknown = await post([
      ["bundle", valid.zip, "a.zip"],
      ["prev", "none"],
    ]);
    expect((await error(unknown)).message).toMatch(/^Unknown form field "prev": /);
    const tooMany = await post(Array.from({ length: 21 }, (_, i): Part => ["bundle", "x", `${i}.zip`]));
    expect((await error(tooMany)).message).toMatch(/^21 bundles: at most 20 can be verified in one request\./);
    const json = await POST(
      new NextRequest(URL_, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
      ctx(),
    );
    expect(json.status).toBe(400);
    expect((await error(json)).message).toBe('Send the bundles as multipart/form-data, one "bundle" file field per ZIP.');
    expect(audit.recordAudit).not.toHaveBeenCalled();
    as(null);
    expect((await post([["bundle", valid.zip, "a.zip"]])).status).toBe(401);
  });
});
