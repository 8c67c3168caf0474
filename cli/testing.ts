import type { CliContext, Output } from "./command";

export type Captured = Output & { text: () => string };

/** An Output that keeps what was written, optionally posing as a terminal. */
export function captureOutput(tty: { columns: number } | null = null): Captured {
  const chunks: string[] = [];
  return {
    write: (text: string) => chunks.push(text),
    isTTY: tty !== null,
    columns: tty?.columns,
    text: () => chunks.join(""),
  };
}

/** A CLI context writing to buffers; `db` fails unless given, so tests notice an unexpected open. */
export function testContext(overrides: Partial<CliContext> = {}): CliContext & { stdout: Captured; stderr: Captured } {
  return {
    stdout: captureOutput(),
    stderr: captureOutput(),
    user: "tester",
    signal: new AbortController().signal,
    now: () => new Date(),
    db: () => Promise.reject(new Error("this test did not expect the database to be opened")),
    ...overrides,
  } as CliContext & { stdout: Captured; stderr: Captured };
}
