import { describe, expect, it } from "vitest";
import { SqliteLogStore } from "../store/sqlite";
import { generateRecords, HOSTILE_PROMPT } from "../store/testing/records";
import { csvCell, exportRecords } from "./export";

const ALL = { from: "2025-01-01T00:00:00Z", to: "2025-12-31T00:00:00Z" };

async function read(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

async function storeWith(n: number): Promise<{ store: SqliteLogStore; ids: string[] }> {
  const store = new SqliteLogStore(":memory:");
  const records = generateRecords(n);
  await store.insert(records);
  return { store, ids: records.map((r) => r.id) };
}

describe("csvCell", () => {
  it("quotes separators, quotes and newlines, and leaves plain text alone", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("defuses spreadsheet formulas from log text", () => {
    for (const attack of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]) {
      expect(csvCell(attack).replace(/^"/, "").startsWith("'")).toBe(true);
    }
  });
});

describe("exportRecords", () => {
  it("streams every matching record as CSV, one store page per chunk, with a header row", async () => {
    const { store, ids } = await storeWith(1_234);
    const { text, chunks } = await read(exportRecords(store, ALL, { format: "csv", bodies: false }));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^timestamp,request_id,account_id,/);
    expect(lines[0]).not.toContain("prompt_text");
    const exported = new Set(lines.slice(1).map((l) => l.split(",")[1]));
    expect(exported).toEqual(new Set(ids));
    expect(chunks).toBe(3); // 500 + 500 + 234
  });

  it("writes JSONL summaries without bodies, and full records with them", async () => {
    const { store } = await storeWith(60);
    const plain = (await read(exportRecords(store, ALL, { format: "jsonl", bodies: false }))).text.trim().split("\n");
    expect(plain).toHaveLength(60);
    for (const line of plain) expect(Object.keys(JSON.parse(line) as object)).not.toContain("promptText");
    const full = (await read(exportRecords(store, ALL, { format: "jsonl", bodies: true }))).text.trim().split("\n");
    expect(full.some((l) => l.includes(JSON.stringify(HOSTILE_PROMPT).slice(1, -1)))).toBe(true);
    expect(Object.keys(JSON.parse(full[0] ?? "{}") as object)).toContain("inputBody");
  });

  it("adds prompt and response columns to CSV only with bodies", async () => {
    const { store } = await storeWith(10);
    const { text } = await read(exportRecords(store, ALL, { format: "csv", bodies: true }));
    expect(text.split("\r\n")[0]).toMatch(/,prompt_text,response_text$/);
  });

  it("exports only what the filter matches, and an empty set as just the header", async () => {
    const { store } = await storeWith(200);
    const { text } = await read(exportRecords(store, { ...ALL, hasError: true }, { format: "jsonl", bodies: false }));
    const rows = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { errorCode: string | null });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.errorCode !== null)).toBe(true);
    const none = await read(
      exportRecords(store, { from: "2001-01-01T00:00:00Z", to: "2001-01-02T00:00:00Z" }, { format: "csv", bodies: false }),
    );
    expect(none.text.split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  it("reads no further pages once the reader cancels", async () => {
    const { store } = await storeWith(1_500);
    let searches = 0;
    const counting = Object.assign(Object.create(store) as SqliteLogStore, {
      search: (...args: Parameters<SqliteLogStore["search"]>) => {
        searches++;
        return store.search(...args);
      },
    });
    const reader = exportRecords(counting, ALL, { format: "csv", bodies: false }).getReader();
    await reader.read();
    await reader.cancel();
    expect(searches).toBeLessThanOrEqual(2);
  });
});
