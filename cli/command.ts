import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import { parseFlags, type FlagSpecs, type ParsedFlags } from "./args";
import { EXIT, EXIT_HELP, UsageError, type ExitCode } from "./errors";

/** Where output goes: process.stdout/stderr in main.ts, buffers in tests. */
export type Output = { write(text: string): unknown; isTTY?: boolean; columns?: number };

/** What a command gets from its caller instead of reaching for process globals. */
export type CliContext = {
  stdout: Output;
  stderr: Output;
  /** The operating-system user, recorded as the actor of audited actions. */
  user: string;
  /** Aborted on Ctrl-C / SIGTERM. */
  signal: AbortSignal;
  now: () => Date;
  /** The application database (migrated); main.ts closes it when the command ends. */
  db: () => Promise<Kysely<Database>>;
};

type CommandDef<S extends FlagSpecs> = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Paragraphs shown under the usage line in the command's --help. */
  description: string;
  flags: S;
  /** One required positional argument (such as `<source>`), anywhere among the flags; none if omitted. */
  operand?: { value: string; help: string };
  /** Exit codes this command can return besides the ones every command shares. */
  exitCodes: readonly ExitCode[];
  /** Imported only when the command runs, so --help and usage errors start fast. */
  load: () => Promise<(flags: ParsedFlags<S>, ctx: CliContext, operand: string) => Promise<ExitCode>>;
};

export type CliCommand = {
  name: string;
  summary: string;
  help: () => string;
  run: (argv: readonly string[], ctx: CliContext) => Promise<ExitCode>;
};

export const PROGRAM = "npm run strata --";

/** Exit codes every command can return. */
const COMMON_EXIT_CODES: readonly ExitCode[] = [EXIT.ok, EXIT.usage, EXIT.software, EXIT.config, EXIT.interrupted];

export function formatExitCodes(codes: readonly ExitCode[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  return sorted.map((code) => `  ${String(code).padEnd(5)}${EXIT_HELP[code]}`).join("\n");
}

function formatFlags(flags: FlagSpecs): string {
  const rows = [
    ...Object.entries(flags).map(([name, spec]) => [`--${name} ${spec.value}`, spec.help] as const),
    ["-h, --help", "Show this help"] as const,
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, text]) => `  ${left.padEnd(width)}${text}`).join("\n");
}

/** Takes the operand out of `argv`; every flag takes a value, so "--name value" pairs are skipped whole. */
function takeOperand(argv: readonly string[], operand: { value: string } | undefined, command: string) {
  if (operand === undefined) return { flags: argv, operand: "" };
  const flags: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    flags.push(arg);
    const next = argv[i + 1];
    if (!arg.includes("=") && next !== undefined && !next.startsWith("-")) {
      flags.push(next);
      i += 1;
    }
  }
  if (operands.length !== 1) {
    const problem = operands.length === 0 ? "is missing" : `was given ${operands.length} times (${operands.join(", ")})`;
    throw new UsageError(`"${command}" takes one ${operand.value}; it ${problem}.`);
  }
  return { flags, operand: operands[0] ?? "" };
}

/** Binds a command's flag parsing to its implementation; the generic flag type stays inside. */
export function defineCommand<S extends FlagSpecs>(def: CommandDef<S>): CliCommand {
  return {
    name: def.name,
    summary: def.summary,
    help: () =>
      [
        `Usage: ${PROGRAM} ${def.name}${def.operand ? ` ${def.operand.value}` : ""} [flags]`,
        "",
        def.description,
        "",
        ...(def.operand ? ["Arguments:", `  ${def.operand.value}  ${def.operand.help}`, ""] : []),
        "Flags:",
        formatFlags(def.flags),
        "",
        "Exit codes:",
        formatExitCodes([...COMMON_EXIT_CODES, ...def.exitCodes]),
        "",
      ].join("\n"),
    run: async (argv, ctx) => {
      const split = takeOperand(argv, def.operand, def.name);
      const flags = parseFlags(def.flags, split.flags, def.name);
      const run = await def.load();
      return run(flags, ctx, split.operand);
    },
  };
}
