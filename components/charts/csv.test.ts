import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("chart CSV", () => {
  it("defuses spreadsheet formulas and quotes what needs quoting", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell("arn:aws:iam::1:user/alice")).toBe("arn:aws:iam::1:user/alice");
  });

  it("writes a header and one CRLF line per row", () => {
    expect(
      toCsv(
        ["t", "n"],
        [
          ["2025-01-01T00:00:00.000Z", 3],
          ["-x", null],
        ],
      ),
    ).toBe("t,n\r\n2025-01-01T00:00:00.000Z,3\r\n'-x,\r\n");
  });
});
