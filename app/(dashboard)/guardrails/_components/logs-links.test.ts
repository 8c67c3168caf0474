import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { logsSearchParams, toLogFilter } from "../../logs/search-params";
import { guardrailsSearchParams, pickTrendsBucket, toTrendsFilter } from "../search-params";
import { logsHref } from "./logs-links";

const loadGuardrails = createLoader(guardrailsSearchParams);
const loadLogs = createLoader(logsSearchParams);
const NOW = Date.parse("2025-03-08T12:00:30Z");
const HOUR = 3_600_000;

/** What /logs will ask the store for when it opens the link. */
const logsFilterOf = (href: string) => toLogFilter(loadLogs(new URL(href, "http://x").searchParams), NOW);

describe("/guardrails URL state", () => {
  it("maps the shared names onto the LogFilter and drops values the API would refuse", () => {
    const state = loadGuardrails(
      "?range=24h&account=111111111111&model=m1&model=m1&principal=arn:aws:iam::1:user/a&gid=gr1abc&gid=NOT_AN_ID",
    );
    expect(toTrendsFilter(state, NOW)).toEqual({
      from: "2025-03-07T12:01:00.000Z",
      to: "2025-03-08T12:01:00.000Z",
      accountIds: ["111111111111"],
      modelIds: ["m1"],
      principalArns: ["arn:aws:iam::1:user/a"],
      guardrailIds: ["gr1abc"],
    });
  });

  it("buckets by hour up to two days and by day beyond", () => {
    expect(pickTrendsBucket(0, 48 * HOUR)).toBe("hour");
    expect(pickTrendsBucket(0, 48 * HOUR + 1)).toBe("day");
  });
});

describe("logsHref", () => {
  const state = loadGuardrails("?range=7d&region=eu-west-1&gid=gr1abc");

  it("opens one bucket, clipped to the page's range, with the page's filters and INTERVENED", () => {
    const filter = toTrendsFilter(state, NOW);
    const first = Math.floor(Date.parse(filter.from) / 86_400_000) * 86_400_000;
    const href = logsHref(state, NOW, { bucket: { t: new Date(first).toISOString(), size: 86_400_000 }, side: "output" });
    expect(href.startsWith("/logs?")).toBe(true);
    expect(logsFilterOf(href)).toEqual({
      from: filter.from,
      to: new Date(first + 86_400_000).toISOString(),
      regions: ["eu-west-1"],
      guardrailIds: ["gr1abc"],
      guardrailActions: ["INTERVENED"],
      guardrailSides: ["output"],
    });
  });

  it("replaces the page's values of the clicked dimension and keeps the page's range", () => {
    const filter = toTrendsFilter(state, NOW);
    expect(logsFilterOf(logsHref(state, NOW, { gid: "gr2def" }))).toEqual({
      from: filter.from,
      to: filter.to,
      regions: ["eu-west-1"],
      guardrailIds: ["gr2def"],
      guardrailActions: ["INTERVENED"],
    });
    const policy = new URL(logsHref(state, NOW, { policy: "promptAttack" }), "http://x").searchParams;
    expect(policy.getAll("policy")).toEqual(["promptAttack"]);
    expect(policy.getAll("guardrail")).toEqual(["INTERVENED"]);
    const principal = logsFilterOf(logsHref(state, NOW, { principal: "arn:aws:sts::1:assumed-role/R/s,with,commas" }));
    expect(principal.principalArns).toEqual(["arn:aws:sts::1:assumed-role/R/s,with,commas"]);
  });
});
