import { createLoader, createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { logFilterSchema } from "@/lib/schemas/logs";
import { filterChips } from "./_components/filter-chips";
import {
  CLEARED_FILTERS,
  activeFilterCount,
  logsSearchParams,
  pickBucket,
  resolveRange,
  toLogFilter,
  visibleColumns,
} from "./search-params";

const load = createLoader(logsSearchParams);
const NOW = Date.parse("2026-11-28T12:34:56.789Z");

describe("toLogFilter", () => {
  it("turns a URL into the filter the API parses, lists repeating their key", () => {
    const state = load(
      "?range=1h&model=m1&model=m2&principal=arn:aws:sts::1:assumed-role/R/a,b&guardrail=INTERVENED&policy=pii" +
        "&hasError=true&xregion=false&inMin=10&inMax=5&meta=tenant%3Dacme&meta=bad%20key%3Dx&q=%20warfarin%20",
    );
    const filter = toLogFilter(state, NOW);
    expect(filter).toEqual({
      from: "2026-11-28T11:35:00.000Z",
      to: "2026-11-28T12:35:00.000Z",
      modelIds: ["m1", "m2"],
      principalArns: ["arn:aws:sts::1:assumed-role/R/a,b"],
      guardrailActions: ["INTERVENED"],
      guardrailPolicyTypes: ["pii"],
      hasError: true,
      crossRegion: false,
      inputTokens: { min: 5, max: 10 },
      metadata: [{ key: "tenant", value: "acme" }],
      text: "warfarin",
    });
    expect(logFilterSchema.safeParse(filter).success).toBe(true);
  });

  it("drops what the API would refuse instead of breaking the page", () => {
    const filter = toLogFilter(
      load("?range=nope&q=%21%21%21&inMin=-3&guardrail=MAYBE&from=2026-01-02T00:00:00Z&to=2025-01-01T00:00:00Z"),
      NOW,
    );
    expect(filter).toEqual({ from: "2026-11-27T12:35:00.000Z", to: "2026-11-28T12:35:00.000Z" });
    expect(logFilterSchema.safeParse(filter).success).toBe(true);
  });

  it("filters by guardrail id and side, dropping ids and sides the API would refuse", () => {
    const state = load("?gid=gr1alpha&gid=Not%20An%20Id&gid=gr2beta&gid=gr1alpha&side=output&side=sideways&side=input");
    expect(state.gid).toEqual(["gr1alpha", "Not An Id", "gr2beta", "gr1alpha"]);
    const filter = toLogFilter(state, NOW);
    expect(filter.guardrailIds).toEqual(["gr1alpha", "gr2beta"]);
    expect(filter.guardrailSides).toEqual(["output", "input"]);
    expect(logFilterSchema.safeParse(filter).success).toBe(true);
    expect(toLogFilter(load("?gid=UPPER&side=sideways"), NOW)).toEqual({
      from: "2026-11-27T12:35:00.000Z",
      to: "2026-11-28T12:35:00.000Z",
    });
  });

  it("round-trips the link another page builds with createSerializer(logsSearchParams)", () => {
    const serialize = createSerializer(logsSearchParams);
    const url = serialize("/logs", {
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-08T00:00:00.000Z",
      gid: ["gr1alpha"],
      side: ["input"],
      policy: ["pii"],
      guardrail: ["INTERVENED"],
      account: ["111122223333"],
      region: ["us-east-1"],
      model: ["m1"],
      principal: ["arn:aws:sts::1:assumed-role/R/s"],
    });
    const state = load(url.slice(url.indexOf("?")));
    expect(toLogFilter(state, NOW)).toEqual({
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-08T00:00:00.000Z",
      accountIds: ["111122223333"],
      regions: ["us-east-1"],
      modelIds: ["m1"],
      principalArns: ["arn:aws:sts::1:assumed-role/R/s"],
      guardrailActions: ["INTERVENED"],
      guardrailPolicyTypes: ["pii"],
      guardrailIds: ["gr1alpha"],
      guardrailSides: ["input"],
    });
    expect(activeFilterCount(state)).toBe(8);
    // Readable chips, each removing only its own value; "Clear all" clears the new keys too.
    const chips = filterChips(state).map((c) => [c.field, c.value, c.remove]);
    expect(chips).toContainEqual(["Guardrail", "gr1alpha", { gid: [] }]);
    expect(chips).toContainEqual(["Side", "input", { side: [] }]);
    expect(chips).toContainEqual(["Guardrail action", "Intervened", { guardrail: [] }]);
    expect(CLEARED_FILTERS).toMatchObject({ gid: null, side: null });
  });

  it("prefers a valid absolute range over the preset", () => {
    const state = load("?range=15m&from=2026-11-01T00:00:00.000Z&to=2026-11-02T00:00:00.000Z");
    expect(resolveRange(state, NOW)).toEqual({
      from: Date.parse("2026-11-01T00:00:00Z"),
      to: Date.parse("2026-11-02T00:00:00Z"),
    });
  });
});

describe("pickBucket", () => {
  it("keeps every preset under the server's point cap", () => {
    const h = 3_600_000;
    expect(pickBucket(0, 6 * h)).toBe("minute");
    expect(pickBucket(0, 24 * h)).toBe("hour");
    expect(pickBucket(0, 14 * 24 * h)).toBe("hour");
    expect(pickBucket(0, 30 * 24 * h)).toBe("day");
  });
});

describe("visibleColumns", () => {
  it("always keeps the time column and the display order", () => {
    expect(visibleColumns(["latency", "model"])).toEqual(["time", "model", "latency"]);
    expect(visibleColumns(null)).toContain("guardrail");
  });
});
