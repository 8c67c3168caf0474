import { describe, expect, it } from "vitest";
import { activityFilterSchema } from "@/lib/schemas/activity-api";
import {
  absoluteRange,
  detectionScope,
  resolveRange,
  splitValues,
  toActivityFilter,
  type ActivitySearchState,
} from "./search-params";

const BASE: ActivitySearchState = {
  range: "7d",
  from: null,
  to: null,
  account: [],
  region: [],
  name: [],
  actor: null,
  failed: null,
  id: null,
  det: null,
};
const NOW = Date.parse("2026-11-28T10:00:30Z");

describe("activity URL state", () => {
  it("anchors a preset at `now` rounded up to the minute, so the key (and `to`) stays put", () => {
    const a = resolveRange({ ...BASE, range: "30d" }, NOW);
    expect(new Date(a.to).toISOString()).toBe("2026-11-28T10:01:00.000Z");
    expect(a.to - a.from).toBe(30 * 86_400_000);
    expect(resolveRange({ ...BASE, range: "30d" }, NOW + 10_000)).toEqual(a);
  });

  it("prefers a valid absolute range and ignores one the API would refuse", () => {
    const from = "2026-11-01T00:00:00.000Z";
    const to = "2026-11-02T00:00:00.000Z";
    expect(absoluteRange({ from, to })).toEqual({ from: Date.parse(from), to: Date.parse(to) });
    expect(absoluteRange({ from: to, to: from })).toBeNull();
    expect(absoluteRange({ from: "2025-01-01T00:00:00Z", to })).toBeNull();
    expect(absoluteRange({ from: "soon", to })).toBeNull();
  });

  it("drops hand-edited values the API would refuse, and what it keeps parses", () => {
    const filter = toActivityFilter(
      {
        ...BASE,
        account: ["672443109827", "12", "672443109827"],
        region: ["eu-west-1", "<script>"],
        name: ["DeleteGuardrail", "Delete Guardrail"],
        actor: "dev-jmorales",
        failed: true,
      },
      NOW,
    );
    expect(filter).toMatchObject({
      accountIds: ["672443109827"],
      regions: ["eu-west-1"],
      names: ["DeleteGuardrail"],
      failedOnly: true,
    });
    expect(filter.actorArn).toBeUndefined();
    expect(activityFilterSchema.safeParse(filter).success).toBe(true);
    expect(activityFilterSchema.safeParse(toActivityFilter({ ...BASE, range: "90d" }, NOW)).success).toBe(true);
  });

  it("scopes detections to the range, accounts and Regions only", () => {
    const filter = toActivityFilter(
      { ...BASE, region: ["eu-west-1"], name: ["DeleteGuardrail"], actor: "arn:aws:iam::1:user/x", failed: true },
      NOW,
    );
    expect(Object.keys(detectionScope(filter)).sort()).toEqual(["from", "regions", "to"]);
  });

  it("splits typed lists on commas and spaces", () => {
    expect(splitValues(" eu-west-1, us-east-1\nus-west-2 ,")).toEqual(["eu-west-1", "us-east-1", "us-west-2"]);
  });
});
