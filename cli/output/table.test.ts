import { describe, expect, it } from "vitest";
import { renderTable } from "./table";

const HEADERS = ["SEVERITY", "RESOURCE", "MESSAGE"];
const ROWS = [
  ["critical", "arn:aws:iam::111122223333:role/admin", "a message that is rather long"],
  ["low", "arn:aws:s3:::b", "short"],
];
const FIT = [
  { column: 2, min: 10, cut: "end" },
  { column: 1, min: 16, cut: "middle" },
] as const;

describe("renderTable", () => {
  it("pads columns to the widest cell and never cuts without a width", () => {
    expect(renderTable(HEADERS, ROWS, { indent: "  ", fit: FIT }).split("\n")).toEqual([
      "  SEVERITY  RESOURCE                              MESSAGE",
      "  critical  arn:aws:iam::111122223333:role/admin  a message that is rather long",
      "  low       arn:aws:s3:::b                        short",
    ]);
  });

  it("narrows the fit columns in order, each down to its minimum, to fit a terminal", () => {
    const lines = renderTable(HEADERS, ROWS, { maxWidth: 60, fit: FIT }).split("\n");
    expect(lines[1]).toBe("critical  arn:aws:iam::111122223333:role/admin  a message t…");
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    const narrower = renderTable(HEADERS, ROWS, { maxWidth: 40, fit: FIT }).split("\n");
    expect(narrower[1]).toBe("critical  arn:aws:…ole/admin  a message…");
    expect(narrower.every((l) => l.length <= 40)).toBe(true);
  });

  it("stops at the minimums on a very narrow terminal rather than dropping columns", () => {
    const lines = renderTable(HEADERS, ROWS, { maxWidth: 10, fit: FIT }).split("\n");
    expect(lines[1]).toBe("critical  arn:aws…le/admin  a message…");
  });

  it("replaces control characters in cells", () => {
    expect(renderTable(["A"], [["x\x1b[31my\nz"]])).toBe("A\nx [31my z");
  });
});
