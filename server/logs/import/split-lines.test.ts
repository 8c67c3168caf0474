import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "./split-lines";

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

async function split(bytes: Buffer, cuts: number[], max?: number) {
  const lines: string[] = [];
  const overlong: [number, number][] = [];
  for await (const line of splitLines(chunked(bytes, cuts), (n, size) => void overlong.push([n, size]), max)) lines.push(line);
  return { lines, overlong };
}

describe("splitLines", () => {
  it("yields the same lines as String.split for any chunking, multi-byte characters cut anywhere", async () => {
    const line = fc.string({ unit: fc.constantFrom("a", "é", "€", "😀", " ", "\r", "{", '"') });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.array(fc.nat(400)), async (lines, trailing, cuts) => {
        const text = lines.join("\n") + (trailing ? "\n" : "");
        // A final "\n" ends the last line rather than starting an empty one.
        const expected = text.split("\n");
        if (expected.at(-1) === "") expected.pop();
        expect((await split(Buffer.from(text), cuts)).lines).toEqual(expected);
      }),
    );
  });

  it("reports an over-long line with its number and size, yields '' in its place, and keeps counting", async () => {
    const bytes = Buffer.from(`short\n${"x".repeat(50)}\nnext\n${"y".repeat(40)}`);
    const { lines, overlong } = await split(bytes, [10, 20, 30, 60], 32);
    expect(lines).toEqual(["short", "", "next", ""]);
    expect(overlong).toEqual([
      [2, 50],
      [4, 40],
    ]);
  });

  it("keeps a line exactly at the limit", async () => {
    const { lines, overlong } = await split(Buffer.from(`${"z".repeat(32)}\nok`), [7], 32);
    expect(lines).toEqual(["z".repeat(32), "ok"]);
    expect(overlong).toEqual([]);
  });
});
