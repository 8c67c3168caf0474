import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chainReportSchema } from "@/lib/schemas/evidence";
import { memoryChainStore } from "@/server/evidence/manifest";
import { buildBundle, rezip, testKey, unzipEntries } from "@/server/evidence/testing";
import { EXIT } from "../errors";
import { runCli } from "../router";
import { testContext } from "../testing";

const dir = mkdtempSync(join(tmpdir(), "strata-cli-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const ctx = testContext();
  const code = await runCli(["verify", ...argv], ctx);
  return { code, stdout: ctx.stdout.text(), stderr: ctx.stderr.text() };
}

/** Three chained exports on disk, and a copy of the second with findings.csv changed. */
async function setup() {
  const chain = memoryChainStore();
  const key = await testKey();
  const paths: string[] = [];
  const hashes: string[] = [];
  for (const i of [1, 2, 3]) {
    const { zip, manifestSha256 } = await buildBundle({ chain, key });
    paths.push(join(dir, `export-${i}.zip`));
    hashes.push(manifestSha256);
    writeFileSync(join(dir, `export-${i}.zip`), zip);
  }
  const { zip } = await buildBundle({ key });
  const changed = unzipEntries(zip).map(([n, c]): [string, Buffer] => [
    n,
    n === "findings.csv" ? Buffer.from("id,status\nf1,PASS\nf2,PASS\n") : c,
  ]);
  writeFileSync(join(dir, "tampered.zip"), rezip(changed));
  return { paths, hashes, tampered: join(dir, "tampered.zip"), keyId: key.keyId };
}

describe("verify", () => {
  it("documents its arguments, flags and exit codes, and is listed", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Usage: npm run strata -- verify <bundle.zip> \[more.zip \.\.\.\] \[flags\]/);
    for (const text of ["--json", "--previous <sha256|none>", "--trusted-key <key id>"]) expect(stdout).toContain(text);
    expect(stdout).toMatch(/^ {2}66 {3}an input file cannot be read/m);
    const global = testContext();
    await runCli(["--help"], global);
    expect(global.stdout.text()).toMatch(/^ {2}verify +Verify evidence bundles offline/m);
  });

  it("exits 0 for a valid bundle and prints every check", async () => {
    const { paths, hashes } = await setup();
    const { code, stdout } = await cli([paths[0] ?? ""]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`✓ ${paths[0]} (scan scan-42, framework soc2`);
    expect(stdout).toMatch(/^ {2}✓ signature {2}Ed25519 signature over manifest.json is valid\.$/m);
    expect(stdout).toMatch(/^ {2}✓ file +findings.csv: SHA-256 and size match/m);
    expect(stdout).toContain(`manifest SHA-256: ${hashes[0]}`);
    expect(stdout).toMatch(/VALID: bundle verified\.\n$/);
  });

  it("exits 1 and names the changed file", async () => {
    const { tampered } = await setup();
    const { code, stdout } = await cli([tampered]);
    expect(code).toBe(EXIT.failOn);
    expect(stdout).toMatch(
      /^ {2}✗ file +findings.csv: SHA-256 mismatch: the manifest says [0-9a-f]{64}, the content hashes to [0-9a-f]{64}\.$/m,
    );
    expect(stdout).toMatch(/NOT VALID: 1 problem found/);
  });

  it("checks the chain in the order given", async () => {
    const { paths } = await setup();
    const [p1 = "", p2 = "", p3 = ""] = paths;
    const good = await cli([p1, p2, p3]);
    expect(good.code).toBe(EXIT.ok);
    expect(good.stdout).toContain(`✓ chain, in the order given`);
    const swapped = await cli([p2, p1, p3]);
    expect(swapped.code).toBe(EXIT.failOn);
    expect(swapped.stdout).toContain(`✗ chain      Chain broken between bundle 1 and bundle 2: ${p1} names previous manifest`);
    expect(swapped.stdout).toContain("(the two are in reverse order");
  });

  it("--json prints the report as one document; --previous and --trusted-key are checked", async () => {
    const { paths, hashes, keyId } = await setup();
    const { code, stdout } = await cli([paths[1] ?? "", "--json", "--previous", hashes[0] ?? "", "--trusted-key", keyId]);
    expect(code).toBe(EXIT.ok);
    const report = chainReportSchema.parse(JSON.parse(stdout));
    expect(report.bundles[0]?.checks.map((c) => c.check)).toContain("chain");
    const wrong = await cli([paths[1] ?? "", "--json", "--previous", "none"]);
    expect(wrong.code).toBe(EXIT.failOn);
    const failed = chainReportSchema.parse(JSON.parse(wrong.stdout)).bundles[0]?.checks.filter((c) => !c.ok);
    expect(failed?.[0]?.message).toMatch(
      /^Chain link mismatch: the manifest names previous manifest [0-9a-f]{64}, expected none/,
    );
  });

  it("exits 66 when a file cannot be read, 1 for a file that is not a bundle", async () => {
    const missing = await cli([join(dir, "nope.zip")]);
    expect(missing).toMatchObject({ code: EXIT.noInput, stdout: "" });
    expect(missing.stderr).toBe(`strata: Cannot read ${join(dir, "nope.zip")}: no such file.\n`);
    mkdirSync(join(dir, "folder.zip"), { recursive: true });
    expect((await cli([join(dir, "folder.zip")])).code).toBe(EXIT.noInput);
    writeFileSync(join(dir, "notes.txt"), "hello");
    const text = await cli([join(dir, "notes.txt")]);
    expect(text.code).toBe(EXIT.failOn);
    expect(text.stdout).toContain("✗ zip        Not a ZIP file: it has no ZIP signature and no end-of-central-directory record.");
  });

  it("exits 2 on usage errors", async () => {
    for (const [argv, message] of [
      [[], '"verify" needs at least one <bundle.zip>.'],
      [["a.zip", "--jsn"], 'Unknown flag --jsn for "verify". Did you mean --json?'],
      [["a.zip", "--previous", "abc"], 'Invalid --previous "abc": must be a lower-case hex SHA-256 or none.'],
      [["a.zip", "--trusted-key"], "--trusted-key needs a value."],
    ] as const) {
      const { code, stderr } = await cli([...argv]);
      expect(code).toBe(EXIT.usage);
      expect(stderr).toContain(message);
    }
  });
});
