/**
 * Exit codes, documented in `--help`. 2, 65 and 78 follow the BSD sysexits convention the server
 * already uses (boot exits 78 on a ConfigError); 1 is reserved for --fail-on, so CI can tell
 * "the estate has findings" from "the scan could not run".
 */
export const EXIT = {
  ok: 0,
  failOn: 1,
  usage: 2,
  dataErr: 65,
  noInput: 66,
  software: 70,
  busy: 75,
  config: 78,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_HELP: Record<ExitCode, string> = {
  [EXIT.ok]: "success",
  [EXIT.failOn]: "--fail-on tripped: a finding at or above that severity FAILs (verify: the bundle or chain is not valid)",
  [EXIT.usage]: "usage error: unknown command or flag, missing or invalid value",
  [EXIT.dataErr]: "some input could not be read (import: the failed files are listed; everything else was imported)",
  [EXIT.noInput]: "an input file cannot be read (verify: missing, unreadable or a folder)",
  [EXIT.software]: "the command failed (for scan: the scan itself failed); the message says why",
  [EXIT.busy]:
    "another scan is already running; try again when it has finished (export: the scan is not finished, or another export took the chain's tip)",
  [EXIT.config]: "configuration error: an environment setting is invalid (the message names it)",
  [EXIT.interrupted]: "interrupted (Ctrl-C or SIGTERM)",
};

/** An error the CLI reports as one line on stderr and turns into `exitCode`. */
export class CliError extends Error {
  override readonly name: string = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  override readonly name = "UsageError";
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}
