import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { logFilterSchema } from "@/lib/schemas/logs";
import { logsSearchParams, pickBucket, resolveRange, toLogFilter, visibleColumns } from "./search-params";

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
