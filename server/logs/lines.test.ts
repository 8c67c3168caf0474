import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { normalizeLines, QuarantineWriter, type QuarantinedLine } from "./lines";
import type { InvocationRecord } from "./record";
import { converseRecord, errorRecord, invokeGuardrailRecord, streamRecord } from "./testing/fixtures";

async function collect(lines: AsyncIterable<string> | Iterable<string>) {
  const quarantined: QuarantinedLine[] = [];
  const { records, counts } = normalizeLines(lines, (entry) => {
    quarantined.push(entry);
  });
  const ids: string[] = [];
  for await (const record of records) ids.push(record.id);
  return { ids, quarantined, counts };
}

async function* asAsync(lines: string[]): AsyncGenerator<string> {
  for (const line of lines) {
    await Promise.resolve();
    yield line;
  }
}

const good = (raw: object) => JSON.stringify(raw);

describe("normalizeLines", () => {
  const lines = [
    good(converseRecord), // 1
    "", // 2 blank
    "{not json", // 3
    good(errorRecord), // 4
    "42", // 5 not an object
    good({ ...converseRecord, schemaType: "Other" }), // 6 fails the envelope
    `  ${good(streamRecord())}\r`, // 7 surrounding whitespace and CRLF
    good({ ...converseRecord, requestId: undefined }), // 8 missing requestId
    `[${good(invokeGuardrailRecord)}, "junk"]`, // 9 a line holding an array
  ];

  it.each([
    ["a sync iterable", () => lines],
    ["an async iterable", () => asAsync(lines)],
  ])("yields every good record and quarantines every bad one from %s", async (_label, source) => {
    const { ids, quarantined, counts } = await collect(source());
    expect(ids).toEqual([
      converseRecord.requestId,
      errorRecord.requestId,
      streamRecord().requestId,
      invokeGuardrailRecord.requestId,
    ]);
    expect(quarantined.map(({ line, reason }) => [line, reason])).toEqual([
      [3, expect.stringMatching(/^invalid JSON: /)],
      [5, "not a JSON object (number)"],
      [6, "schemaType is not ModelInvocationLog"],
      [8, "missing requestId"],
      [9, "element 1: not a JSON object (string)"],
    ]);
    expect(quarantined[0]?.text).toBe("{not json");
    expect(counts).toEqual({ lines: 9, blank: 1, ok: 4, malformed: 5 });
  });

  it("truncates the quarantined text", async () => {
    const huge = `{"schemaType":"ModelInvocationLog","x":"${"y".repeat(10_000)}"`;
    const { quarantined } = await collect([huge]);
    expect(quarantined[0]?.text).toBe(huge.slice(0, 2_048));
  });

  it("waits for an async quarantine callback before going on", async () => {
    const order: string[] = [];
    const { records } = normalizeLines(["bad", good(converseRecord)], async (entry) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`q${entry.line}`);
    });
    for await (const record of records) order.push(record.id);
    expect(order).toEqual(["q1", converseRecord.requestId]);
  });

  it("yields normalised records", async () => {
    const { records } = normalizeLines([good(converseRecord)], () => undefined);
    const out: InvocationRecord[] = [];
    for await (const record of records) out.push(record);
    expect(out[0]).toMatchObject({ id: converseRecord.requestId, latencyMs: 2435, tokens: { input: 16, output: 82 } });
  });
});

describe("QuarantineWriter", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "strata-quarantine-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("appends JSONL rows with the source and keeps earlier content", async () => {
    const path = join(dir, "quarantine.jsonl");
    const first = new QuarantineWriter(path);
    await first.write({ line: 3, reason: "invalid JSON: x", text: "{not json" });
    await first.close();
    const second = new QuarantineWriter(path, "2025/01/09/18/a.json.gz");
    const { records } = normalizeLines(["ok?", "", "[1]"], (entry) => second.write(entry));
    for await (const _ of records) throw new Error("no record expected");
    await second.close();

    const rows = (await readFile(path, "utf8"))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(rows).toEqual([
      { line: 3, reason: "invalid JSON: x", text: "{not json" },
      { line: 1, reason: expect.stringMatching(/^invalid JSON/), text: "ok?", source: "2025/01/09/18/a.json.gz" },
      { line: 3, reason: "element 0: not a JSON object (number)", text: "[1]", source: "2025/01/09/18/a.json.gz" },
    ]);
  });

  it("reports a file it cannot write as a rejected promise, not a crash", async () => {
    const writer = new QuarantineWriter(join(dir, "missing-dir", "q.jsonl"));
    await writer.write({ line: 1, reason: "r", text: "t" }).catch(() => undefined);
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });
});
