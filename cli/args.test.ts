import { describe, expect, it } from "vitest";
import { z } from "zod";
import { csvOf, oneOf, parseFlags, suggest } from "./args";
import { UsageError } from "./errors";

const SPECS = {
  format: { value: "<table|json>", help: "", schema: oneOf(["table", "json"]) },
  ids: {
    value: "<ids>",
    help: "",
    schema: csvOf(z.string().regex(/^\d{3}$/, "each id must be 3 digits"), "id"),
    repeatable: true,
  },
  "fail-on": { value: "<severity>", help: "", schema: oneOf(["high", "low"]) },
};

function usageError(argv: string[]): string {
  try {
    parseFlags(SPECS, argv, "test");
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`accepted ${argv.join(" ")}`);
}

describe("parseFlags", () => {
  it("reads --name value and --name=value, and leaves absent flags undefined", () => {
    expect(parseFlags(SPECS, ["--format", "json", "--fail-on=high"], "test")).toEqual({ format: "json", "fail-on": "high" });
    expect(parseFlags(SPECS, [], "test")).toEqual({});
  });

  it("splits lists on commas, trims them and joins repeated list flags", () => {
    expect(parseFlags(SPECS, ["--ids", " 123, 456,", "--ids=789"], "test")).toEqual({ ids: ["123", "456", "789"] });
  });

  it("rejects an unknown flag, suggesting the close one and listing the valid ones", () => {
    const message = usageError(["--formt", "json"]);
    expect(message).toContain("Unknown flag --formt");
    expect(message).toContain("Did you mean --format?");
    expect(message).toContain("--format, --ids, --fail-on, --help");
    expect(usageError(["-x"])).toContain("Unknown flag -x");
    expect(usageError(["--zzzzzzzz=1"])).not.toContain("Did you mean");
  });

  it("does not treat Object.prototype names as flags", () => {
    expect(usageError(["--constructor", "x"])).toContain("Unknown flag --constructor");
  });

  it("rejects a value outside the allowed set, naming them", () => {
    expect(usageError(["--format", "xml"])).toBe('Invalid --format "xml": must be one of table, json.');
    expect(usageError(["--fail-on", "critical"])).toBe('Invalid --fail-on "critical": must be one of high, low.');
  });

  it("rejects a bad list entry and an empty list", () => {
    expect(usageError(["--ids", "123,45"])).toBe('Invalid --ids "123,45": each id must be 3 digits.');
    expect(usageError(["--ids", " , "])).toBe('Invalid --ids " , ": needs at least one id.');
  });

  it("reports a missing value, at the end or before the next flag", () => {
    expect(usageError(["--format"])).toBe("--format needs a value: --format <table|json>");
    expect(usageError(["--format", "--fail-on", "high"])).toBe("--format needs a value: --format <table|json>");
  });

  it("rejects a repeated single-valued flag and stray arguments", () => {
    expect(usageError(["--format", "json", "--format", "table"])).toBe("--format was given more than once.");
    expect(usageError(["json"])).toContain('Unexpected argument "json"');
  });

  it("accepts an empty inline value only if the schema does", () => {
    expect(usageError(["--format="])).toBe('Invalid --format "": must be one of table, json.');
  });
});

describe("suggest", () => {
  it("offers a near name and nothing for a distant one", () => {
    expect(suggest("scna", ["scan", "export"])).toBe("scan");
    expect(suggest("verify", ["scan", "export"])).toBeUndefined();
  });
});
