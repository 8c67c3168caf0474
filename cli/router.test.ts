import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as envModule from "@/server/config/env";
import { EXIT } from "./errors";
import { runCli } from "./router";
import { testContext } from "./testing";

const state: { env: Record<string, string> } = vi.hoisted(() => ({ env: {} }));

// The real parser over a per-test environment: a bad setting throws the server's own ConfigError.
vi.mock("@/server/config/env", async (importOriginal) => {
  const original = await importOriginal<typeof envModule>();
  return { ...original, env: () => original.parseEnv(state.env) };
});

beforeEach(() => {
  state.env = { STRATA_DEMO_COLLECT_DELAY_MS: "0" };
});

describe("runCli routing", () => {
  it("prints the command list on stderr and exits 2 without a command", async () => {
    const ctx = testContext();
    expect(await runCli([], ctx)).toBe(EXIT.usage);
    expect(ctx.stderr.text()).toContain("Commands:\n  scan");
    expect(ctx.stdout.text()).toBe("");
  });

  it("prints help on stdout with exit 0 for --help, -h and help <command>", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const ctx = testContext();
      expect(await runCli(argv, ctx)).toBe(EXIT.ok);
      expect(ctx.stdout.text()).toMatch(/^Usage: npm run strata -- <command> \[flags\]/);
      expect(ctx.stdout.text()).toContain("78   configuration error");
    }
    const ctx = testContext();
    expect(await runCli(["help", "scan"], ctx)).toBe(EXIT.ok);
    expect(ctx.stdout.text()).toMatch(/^Usage: npm run strata -- scan \[flags\]/);
  });

  it("shows a command's flags and exit codes for --help anywhere in its arguments", async () => {
    const ctx = testContext();
    expect(await runCli(["scan", "--format", "xml", "--help"], ctx)).toBe(EXIT.ok);
    const help = ctx.stdout.text();
    for (const flag of [
      "--source <demo|aws>",
      "--accounts <ids>",
      "--regions <list>",
      "--format <table|json>",
      "--fail-on <severity>",
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toMatch(/^ {2}1 {4}--fail-on tripped/m);
    expect(help).toMatch(/^ {2}75 {3}another scan is already running/m);
  });

  it("rejects an unknown command with exit 2 and a suggestion", async () => {
    const ctx = testContext();
    expect(await runCli(["scna"], ctx)).toBe(EXIT.usage);
    expect(ctx.stderr.text()).toContain('Unknown command "scna". Did you mean "scan"? Commands: scan, import, export, verify.');
    expect(ctx.stderr.text()).toContain('Run "npm run strata -- --help" for usage.');
    expect(await runCli(["help", "nope"], testContext())).toBe(EXIT.usage);
  });

  it("turns a flag error into exit 2 and points at the command's help, before opening anything", async () => {
    const cases = [
      ["--format", "xml"],
      ["--fail-on", "severe"],
      ["--source", "gcp"],
      ["--accounts", "12345"],
      ["--regions", "mars-1"],
      ["--regions", "eu-west-1,xx-nowhere-9"],
      ["--regions"],
      ["--bogus", "1"],
    ];
    for (const argv of cases) {
      const ctx = testContext();
      expect(await runCli(["scan", ...argv], ctx), argv.join(" ")).toBe(EXIT.usage);
      expect(ctx.stderr.text()).toMatch(/^strata: .+\nRun "npm run strata -- scan --help" for usage\.\n$/);
    }
  });

  // Loads the scan command's whole module graph (engine, checks, AWS SDK) for the first time.
  it("exits 78 with the setting's name for an invalid configuration", { timeout: 90_000 }, async () => {
    state.env = { STRATA_SCAN_CONCURRENCY: "0" };
    const ctx = testContext();
    expect(await runCli(["scan"], ctx)).toBe(EXIT.config);
    expect(ctx.stderr.text()).toContain("STRATA_SCAN_CONCURRENCY");
  });

  it("exits 70 and prints the stack for an error nobody anticipated", async () => {
    const ctx = testContext({ db: () => Promise.reject(new Error("disk on fire")) });
    expect(await runCli(["scan"], ctx)).toBe(EXIT.software);
    expect(ctx.stderr.text()).toMatch(/^strata: Error: disk on fire\n\s+at /);
  });
});
