// `npm run strata -- <command>`: runs server code outside Next, so package.json starts it with
// `--conditions=react-server` (server-only's no-op export) and tsx (TypeScript, the @/ alias).
import { userInfo } from "node:os";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import { EXIT } from "./errors";
import { runCli } from "./router";

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // A uid without a passwd entry (some containers) has no name.
    return process.env.USER ?? process.env.LOGNAME ?? `uid-${process.getuid?.() ?? "unknown"}`;
  }
}

async function main(): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write(`\nstrata: ${signal}: stopping (again to quit at once)...\n`);
    controller.abort(new Error(`Interrupted from the command line (${signal}).`));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  let db: Promise<Kysely<Database>> | undefined;
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    user: osUser(),
    signal: controller.signal,
    now: () => new Date(),
    // Imported on first use: --help and usage errors never load the database drivers.
    db: () => (db ??= import("@/server/db").then((m) => m.getDb())),
  });
  // Closing checkpoints SQLite's WAL and ends PostgreSQL's pool, which would otherwise hold the process open.
  await db?.then((d) => d.destroy()).catch(() => undefined);
  exitAfterFlush(code);
}

/**
 * process.exit() drops output still queued for a pipe (a 300 kB JSON document was cut at 64 kB),
 * so exit only once both streams have flushed; exiting at all guards against a stray open handle.
 */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? EXIT.ok);
});

void main();
