import "server-only";
import type { LogFilter, LogSummary } from "@/lib/schemas/logs";
import type { LogStore } from "../store/types";
import { toSummary } from "../summary";

const PAGE = 500;

const CSV_COLUMNS: [string, (s: LogSummary) => unknown][] = [
  ["timestamp", (s) => s.timestamp],
  ["request_id", (s) => s.id],
  ["account_id", (s) => s.accountId],
  ["region", (s) => s.region],
  ["inference_region", (s) => s.inferenceRegion],
  ["cross_region", (s) => s.crossRegion],
  ["model_id", (s) => s.modelId],
  ["operation", (s) => s.operation],
  ["principal_arn", (s) => s.principal.arn],
  ["principal_type", (s) => s.principal.type],
  ["role", (s) => s.principal.role],
  ["session", (s) => s.principal.session],
  ["error_code", (s) => s.errorCode],
  ["guardrail_action", (s) => s.guardrailAction],
  ["guardrail_policy_types", (s) => s.guardrailPolicyTypes.join(" ")],
  ["latency_ms", (s) => s.latencyMs],
  ["input_tokens", (s) => s.tokens.input],
  ["output_tokens", (s) => s.tokens.output],
  ["cache_read_tokens", (s) => s.tokens.cacheRead],
  ["cache_write_tokens", (s) => s.tokens.cacheWrite],
  ["request_metadata", (s) => JSON.stringify(s.requestMetadata)],
];
const BODY_COLUMNS = ["prompt_text", "response_text"];

/**
 * One CSV cell. Cells that a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with
 * a quote: log text is attacker-controlled and an analyst will open the file in Excel.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export type ExportOptions = { format: "csv" | "jsonl"; bodies: boolean; signal?: AbortSignal };

/**
 * The whole filtered set, newest first, one page of the store at a time: memory stays flat however
 * many records match, and a client that goes away stops the reads (the stream is pulled).
 */
export function exportRecords(store: LogStore, filter: LogFilter, options: ExportOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let done = false;

  async function nextChunk(): Promise<string> {
    let out = "";
    if (!started) {
      started = true;
      if (options.format === "csv")
        out += csvRow([...CSV_COLUMNS.map(([name]) => name), ...(options.bodies ? BODY_COLUMNS : [])]);
    }
    const page = await store.search(filter, cursor, PAGE, { signal: options.signal });
    for (const summary of page.items) {
      const record = options.bodies ? await store.get(summary.id, { signal: options.signal }) : undefined;
      if (options.format === "jsonl") {
        out += `${JSON.stringify(record ?? summary)}\n`;
      } else {
        const cells = CSV_COLUMNS.map(([, read]) => read(record ? toSummary(record) : summary));
        out += csvRow(options.bodies ? [...cells, record?.promptText ?? "", record?.responseText ?? ""] : cells);
      }
    }
    cursor = page.nextCursor ?? undefined;
    done = page.nextCursor === null;
    return out;
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await nextChunk();
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
