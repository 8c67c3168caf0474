import { describe, expect, it } from "vitest";
import { formatDuration, formatScore, percent } from "./format";

describe("format", () => {
  it("shows a missing score as a dash, never as 0", () => {
    expect(formatScore(null)).toBe("–");
    expect(formatScore(0)).toBe("0.0");
    expect(formatScore(72.45)).toBe("72.5");
  });

  it("formats durations", () => {
    expect(formatDuration("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.250Z")).toBe("250 ms");
    expect(formatDuration("2026-01-01T00:00:00Z", "2026-01-01T00:02:05Z")).toBe("2 min 5 s");
    expect(formatDuration("2026-01-01T00:00:00Z", null)).toBe("–");
  });

  it("clamps progress to 0–100 and survives an unknown total", () => {
    expect(percent(3, 7)).toBe(43);
    expect(percent(9, 7)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });
});
