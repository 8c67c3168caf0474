import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const OIDC = {
  AUTH_OIDC_ISSUER: "https://idp.example.com/realms/acme",
  AUTH_OIDC_CLIENT_ID: "strata",
  AUTH_OIDC_CLIENT_SECRET: "client-secret-value",
  STRATA_ROLE_MAP: "sec-viewers=viewer,sec-admins=admin",
};

/** The ConfigError message parseEnv stops with; fails the test if the environment was accepted. */
function failure(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected the configuration to be rejected: ${JSON.stringify(source)}`);
}

/** The settings a message names, one per `  - NAME: …` line. */
function named(message: string): string[] {
  return [...message.matchAll(/^ {2}- ([A-Z_]+)[.:]/gm)].map((m) => m[1] ?? "");
}

describe("parseEnv defaults", () => {
  it("starts on the demo estate with SQLite in ./data and no OIDC", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      STRATA_SOURCE: "demo",
      STRATA_DATA_DIR: "./data",
      AUTH_OIDC_NAME: "Single sign-on",
      AUTH_OIDC_GROUPS_CLAIM: "groups",
      AUTH_OIDC_SCOPE: "openid email profile",
      STRATA_ROLE_MAP: {},
      STRATA_SCAN_CONCURRENCY: 8,
      STRATA_DEMO_COLLECT_DELAY_MS: 250,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_OIDC_ISSUER).toBeUndefined();
    expect(env.STRATA_APPROVED_REGIONS).toBeUndefined();
  });

  it("treats empty strings as unset, as a blank line in an env file means", () => {
    const env = parseEnv({ DATABASE_URL: "", AUTH_OIDC_ISSUER: "", STRATA_SOURCE: "", STRATA_SCAN_CONCURRENCY: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_OIDC_ISSUER).toBeUndefined();
    expect(env.STRATA_SOURCE).toBe("demo");
    expect(env.STRATA_SCAN_CONCURRENCY).toBe(8);
  });

  it("accepts a complete OIDC setup and parses the role map and lists", () => {
    const env = parseEnv({
      ...OIDC,
      STRATA_ROLE_MAP: " sec-viewers = viewer , sec-admins=admin,",
      DATABASE_URL: "postgresql://strata@db:5432/strata",
      AUTH_SECRET: "x".repeat(32),
      STRATA_APPROVED_REGIONS: "eu-west-1, us-gov-west-1",
      STRATA_TRUSTED_ACCOUNT_IDS: "111122223333",
      STRATA_SCAN_CONCURRENCY: "4",
    });
    expect(env.STRATA_ROLE_MAP).toEqual({ "sec-viewers": "viewer", "sec-admins": "admin" });
    expect(env.STRATA_APPROVED_REGIONS).toEqual(["eu-west-1", "us-gov-west-1"]);
    expect(env.STRATA_TRUSTED_ACCOUNT_IDS).toEqual(["111122223333"]);
    expect(env.STRATA_SCAN_CONCURRENCY).toBe(4);
    expect(env.AUTH_OIDC_ISSUER).toBe(OIDC.AUTH_OIDC_ISSUER);
  });
});

describe("parseEnv stops on a bad setting and names it", () => {
  it("rejects a DATABASE_URL that is not PostgreSQL, without echoing its password", () => {
    const message = failure({ DATABASE_URL: "mysql://strata:hunter2@db/strata" });
    expect(named(message)).toEqual(["DATABASE_URL"]);
    expect(message).toMatch(/postgres:\/\//);
    expect(message).not.toContain("hunter2");
  });

  it.each([
    ["only the issuer", { AUTH_OIDC_ISSUER: OIDC.AUTH_OIDC_ISSUER }, ["AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"]],
    ["only the client id", { AUTH_OIDC_CLIENT_ID: "strata" }, ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_SECRET"]],
    ["no secret", { AUTH_OIDC_ISSUER: OIDC.AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID: "strata" }, ["AUTH_OIDC_CLIENT_SECRET"]],
  ])("rejects a partial OIDC configuration (%s) naming each missing setting", (_, partial, missing) => {
    const message = failure({ ...partial, STRATA_ROLE_MAP: OIDC.STRATA_ROLE_MAP });
    expect(named(message).sort()).toEqual([...missing].sort());
    expect(message).toContain("is required when any AUTH_OIDC_* setting is set");
  });

  it("rejects an issuer that is not a URL", () => {
    expect(named(failure({ ...OIDC, AUTH_OIDC_ISSUER: "idp.example.com" }))).toEqual(["AUTH_OIDC_ISSUER"]);
  });

  it("requires a role map with OIDC: without one nobody could sign in", () => {
    const message = failure({ ...OIDC, STRATA_ROLE_MAP: undefined });
    expect(named(message)).toEqual(["STRATA_ROLE_MAP"]);
  });

  it.each(["sec-admins=root", "sec-admins", "=admin", "sec-admins=Admin", "a=viewer,b=superuser"])(
    "rejects the role map entry %j and quotes it",
    (map) => {
      const message = failure({ ...OIDC, STRATA_ROLE_MAP: map });
      expect(named(message)).toEqual(["STRATA_ROLE_MAP"]);
      expect(message).toContain("viewer, analyst, auditor, admin");
      const bad = map.split(",").at(-1) ?? map;
      expect(message).toContain(`"${bad}"`);
    },
  );

  it.each(["eu-west-1,mars-north-1", "EU-WEST-1", "eu-west", " , "])("rejects the region list %j", (regions) => {
    expect(named(failure({ STRATA_APPROVED_REGIONS: regions }))).toEqual(["STRATA_APPROVED_REGIONS"]);
  });

  it("rejects a short AUTH_SECRET with how to make one, without echoing it", () => {
    const message = failure({ AUTH_SECRET: "too-short-secret" });
    expect(named(message)).toEqual(["AUTH_SECRET"]);
    expect(message).toContain("at least 32 characters");
    expect(message).not.toContain("too-short-secret");
  });

  it("rejects an unknown source and out-of-range numbers", () => {
    expect(named(failure({ STRATA_SOURCE: "gcp" }))).toEqual(["STRATA_SOURCE"]);
    expect(named(failure({ STRATA_SCAN_CONCURRENCY: "0" }))).toEqual(["STRATA_SCAN_CONCURRENCY"]);
    expect(named(failure({ STRATA_SCAN_CONCURRENCY: "eight" }))).toEqual(["STRATA_SCAN_CONCURRENCY"]);
    expect(named(failure({ STRATA_TRUSTED_ACCOUNT_IDS: "1111-2222-3333" }))).toEqual(["STRATA_TRUSTED_ACCOUNT_IDS"]);
  });

  it("names every bad setting at once, so one restart fixes them all", () => {
    const message = failure({
      DATABASE_URL: "sqlite://data.db",
      AUTH_SECRET: "short",
      STRATA_APPROVED_REGIONS: "moon-1",
      STRATA_ROLE_MAP: "x=root",
    });
    expect(message).toMatch(/^Strata cannot start: invalid configuration\n/);
    expect(named(message).sort()).toEqual(["AUTH_SECRET", "DATABASE_URL", "STRATA_APPROVED_REGIONS", "STRATA_ROLE_MAP"]);
  });
});

describe("STRATA_SCAN_INTERVAL", () => {
  it("is unset by default: no schedule", () => {
    expect(parseEnv({}).STRATA_SCAN_INTERVAL).toBeUndefined();
    expect(parseEnv({ STRATA_SCAN_INTERVAL: "" }).STRATA_SCAN_INTERVAL).toBeUndefined();
  });

  it.each([
    ["5m", 5 * 60_000],
    ["30m", 30 * 60_000],
    [" 6h ", 6 * 3_600_000],
    ["1d", 86_400_000],
    ["30d", 30 * 86_400_000],
  ])("parses %j", (value, ms) => {
    expect(parseEnv({ STRATA_SCAN_INTERVAL: value }).STRATA_SCAN_INTERVAL).toEqual({ text: value.trim(), ms });
  });

  it.each(["4m", "0h", "31d", "1w", "6 h", "90s", "1h30m", "-1h", "6"])("rejects %j and names the setting", (value) => {
    const message = failure({ STRATA_SCAN_INTERVAL: value });
    expect(named(message)).toEqual(["STRATA_SCAN_INTERVAL"]);
    expect(message).toContain(`"${value}"`);
  });
});
