import { describe, expect, it } from "vitest";
import { describeRange, fromInputValue, toInputValue } from "./range-format";

describe("absolute range values", () => {
  it("reads and writes datetime-local values as UTC, to the minute", () => {
    const ms = Date.UTC(2025, 0, 31, 13, 5, 42);
    expect(toInputValue(ms)).toBe("2025-01-31T13:05");
    expect(fromInputValue("2025-01-31T13:05")).toBe(Date.UTC(2025, 0, 31, 13, 5));
    expect(fromInputValue("2025-01-31T13:05:42")).toBe(Date.UTC(2025, 0, 31, 13, 5, 42));
  });

  it("reads an empty or partial input as no time, not as a date in 2000", () => {
    for (const value of ["", " ", "2025-01-31", "13:05", "2025-01-31T13"]) expect(fromInputValue(value), value).toBeNaN();
  });

  it("labels a range in UTC", () => {
    expect(describeRange(Date.UTC(2025, 2, 3, 14), Date.UTC(2025, 2, 4, 9, 30))).toBe("3 Mar, 14:00 – 4 Mar, 09:30 UTC");
  });
});
