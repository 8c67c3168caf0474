import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { converseRecord, invokeAnthropicRecord, invokeGuardrailRecord } from "../testing/fixtures";

const BASES = [converseRecord, invokeAnthropicRecord, invokeGuardrailRecord];

/** Example records from the fixtures, each with its own request id and second. */
export function records(prefix: string, count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    ...BASES[i % BASES.length],
    requestId: `${prefix}-${String(i).padStart(6, "0")}`,
    timestamp: new Date(Date.UTC(2025, 0, 9, 18) + i * 1000).toISOString().replace(".000Z", "Z"),
  }));
}

export const jsonl = (items: readonly (object | string)[]) =>
  items.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join("\n") + "\n";

/** Where Bedrock puts a batch file (bedrock-formats.md 1.8), relative to the bucket or folder root. */
export function bedrockKey(hour: number, name: string, account = "123456789012", region = "us-east-1"): string {
  return `AWSLogs/${account}/BedrockModelInvocationLogs/${region}/2025/01/09/${String(hour).padStart(2, "0")}/${name}`;
}

export function writeGz(path: string, items: readonly (object | string)[]): Buffer {
  const body = gzipSync(jsonl(items));
  writeFile(path, body);
  return body;
}

export function writeFile(path: string, body: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
}
