import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { coveredCodePoints } from "./coverage";

const font = (file: string) => readFileSync(path.join(process.cwd(), "server/evidence/report/fonts", file));

describe("coveredCodePoints", () => {
  it("reads what Geist can draw from its cmap", () => {
    for (const file of ["Geist-Regular.ttf", "Geist-Bold.ttf", "GeistMono-Regular.ttf"]) {
      const covers = coveredCodePoints(font(file));
      for (const ch of "Az09 é€–“Ж") expect(covers.has(ch.codePointAt(0) ?? 0), `${file} ${ch}`).toBe(true);
      for (const ch of "中😀עα") expect(covers.has(ch.codePointAt(0) ?? 0), `${file} ${ch}`).toBe(false);
    }
  });

  it("finds nothing in a file without a cmap", () => {
    const empty = Buffer.alloc(12);
    expect(coveredCodePoints(empty).size).toBe(0);
  });
});
