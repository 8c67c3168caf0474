import { createLoader, createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { findingsUrl } from "@/lib/queries/findings";
import { findingsQuerySchema } from "@/lib/schemas/posture";
import { findingsSearchParams, toFindingsQuery } from "./search-params";

const load = createLoader(findingsSearchParams);
const serialize = createSerializer(findingsSearchParams);

describe("findings URL state", () => {
  it("defaults to the API's defaults", () => {
    expect(toFindingsQuery(load(""))).toEqual(findingsQuerySchema.parse({}));
  });

  it("reads lists, search, sort and page from the URL", () => {
    const q = toFindingsQuery(
      load(
        "?severity=critical,high&status=FAIL&account=418272790315&region=eu-west-1&category=IAM&q=%20bucket%20&sort=region&dir=asc&page=3&pageSize=25",
      ),
    );
    expect(q).toMatchObject({
      severity: ["critical", "high"],
      status: ["FAIL"],
      account: ["418272790315"],
      region: ["eu-west-1"],
      category: ["IAM"],
      q: "bucket",
      sort: "region",
      dir: "asc",
      page: 3,
      pageSize: 25,
    });
  });

  it("drops values the API would reject instead of failing the page", () => {
    const q = toFindingsQuery(
      load("?severity=critical,bogus&account=123,418272790315&region=EU_WEST&category=Nope&page=-4&pageSize=100000&sort=evil"),
    );
    expect(q.severity).toEqual(["critical"]);
    expect(q.account).toEqual(["418272790315"]);
    expect(q.region).toEqual([]);
    expect(q.category).toEqual([]);
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(200);
    expect(q.sort).toBe("severity");
  });

  it("round-trips: the API URL built from the query parses back to the same query", () => {
    const q = toFindingsQuery(load("?severity=low&status=ERROR,FAIL&q=kms%25_&check=bedrock-guardrail-exists&page=2"));
    const url = new URL(findingsUrl(q), "http://x");
    expect(findingsQuerySchema.parse(Object.fromEntries(url.searchParams))).toEqual(q);
  });

  it("serialises to a shareable link that reloads into the same query", () => {
    const state = load("?severity=high&region=us-east-1&q=role");
    const link = serialize("/posture", state);
    expect(link).toContain("severity=high");
    expect(toFindingsQuery(load(link.slice(link.indexOf("?"))))).toEqual(toFindingsQuery(state));
  });

  it.each(["", "?severity=critical,bogus&page=0&pageSize=5", "?q=%20%20&check=x&account=1,418272790315&dir=asc&sort=resource"])(
    "builds a query the API schema accepts unchanged (%s)",
    (search) => {
      const q = toFindingsQuery(load(search));
      expect(findingsQuerySchema.parse(q)).toEqual(q);
    },
  );

  it("leaves defaults out of the API URL", () => {
    expect(findingsUrl(findingsQuerySchema.parse({}))).toBe("/api/findings?sort=severity&dir=desc&page=1&pageSize=50");
  });
});
