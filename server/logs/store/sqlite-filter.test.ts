import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { LogFilter } from "@/lib/schemas/logs";
import { compileFilter, ftsQuery, policyMask, policyTypesOf } from "./sqlite-filter";
import { LOGS_DDL } from "./sqlite-schema";

const RANGE = { from: "2025-03-01T00:00:00Z", to: "2025-03-02T00:00:00Z" };
const HOSTILE = ["') OR 1=1 --", '" OR ""="', "x; DROP TABLE invocations; --", "NEAR(", "*", "a'b\"c"];

describe("compileFilter", () => {
  it("puts every user value in the parameters and none in the SQL text", () => {
    for (const bad of HOSTILE) {
      const filter: LogFilter = {
        ...RANGE,
        accountIds: [bad],
        regions: [bad],
        modelIds: [bad],
        operations: [bad],
        principalArns: [bad],
        roles: [bad],
        errorCodes: [bad],
        metadata: [{ key: "team", value: bad }],
        text: `word ${bad}`,
      };
      const { where, params } = compileFilter(filter);
      expect(where).not.toContain(bad);
      expect(where).not.toMatch(/'|"|;|--/);
      expect(params.filter((p) => p === bad)).toHaveLength(8);
      // The placeholders and the parameters line up.
      expect(where.split("?").length - 1).toBe(params.length);
    }
  });

  it("compiles to SQL SQLite accepts, whatever the values", () => {
    const db = new SQLite(":memory:");
    db.exec(LOGS_DDL);
    for (const bad of HOSTILE) {
      const { where, params } = compileFilter({
        ...RANGE,
        modelIds: [bad],
        metadata: [{ key: "k", value: bad }],
        text: `w ${bad}`,
      });
      expect(db.prepare(`SELECT COUNT(*) AS n FROM invocations WHERE ${where}`).get(...params)).toEqual({ n: 0 });
    }
    db.close();
  });

  it("answers filter-column queries from an index, never a full scan", () => {
    const db = new SQLite(":memory:");
    db.exec(LOGS_DDL);
    const filters: LogFilter[] = [
      RANGE,
      { ...RANGE, modelIds: ["m"] },
      { ...RANGE, principalArns: ["a", "b"] },
      { ...RANGE, errorCodes: ["e"] },
    ];
    for (const filter of filters) {
      const { where, params } = compileFilter(filter);
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM invocations WHERE ${where} ORDER BY ts DESC, seq DESC LIMIT 50`)
        .all(...params) as { detail: string }[];
      const details = plan.map((row) => row.detail).join("\n");
      expect(details).toMatch(/USING INDEX invocations_/);
      expect(details).not.toMatch(/^SCAN invocations$/m);
    }
    db.close();
  });
});

describe("ftsQuery", () => {
  it("quotes each word as an FTS5 string and doubles embedded quotes", () => {
    expect(ftsQuery("hello world")).toBe('"hello" "world"');
    expect(ftsQuery('say "hi"')).toBe('"say" """hi"""');
    expect(ftsQuery("NEAR( a*")).toBe('"NEAR(" "a*"');
  });

  it("drops words without a letter or digit and returns undefined when none is left", () => {
    expect(ftsQuery("a -- * b")).toBe('"a" "b"');
    expect(ftsQuery(" * -- ( ")).toBeUndefined();
  });
});

describe("policy mask", () => {
  it("round-trips policy types in their canonical order", () => {
    expect(policyTypesOf(policyMask(["pii", "content", "automatedReasoning"]))).toEqual(["content", "pii", "automatedReasoning"]);
    expect(policyMask([])).toBe(0);
  });
});
