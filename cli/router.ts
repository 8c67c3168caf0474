import { ConfigError } from "@/server/config/env";
import { suggest } from "./args";
import { PROGRAM, formatExitCodes, type CliCommand, type CliContext } from "./command";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { scanCommand } from "./commands/scan";
import { verifyCommand } from "./commands/verify";
import { CliError, EXIT, EXIT_HELP, UsageError, type ExitCode } from "./errors";

const COMMANDS: readonly CliCommand[] = [scanCommand, importCommand, exportCommand, verifyCommand];

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [flags]`,
    "",
    "Strata from the command line: the same engine and database as the dashboard.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    `Run "${PROGRAM} <command> --help" (or "${PROGRAM} help <command>") for a command's flags.`,
    `npm prints its own "> strata" header on stdout; add -s ("npm run -s strata -- ...") when stdout must be`,
    "only the command's output, as with --format json.",
    "",
    "Exit codes:",
    formatExitCodes(Object.keys(EXIT_HELP).map(Number) as ExitCode[]),
    "",
  ].join("\n");
}

function findCommand(name: string): CliCommand {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const close = suggest(
    name,
    COMMANDS.map((c) => c.name),
  );
  const hint = close ? ` Did you mean "${close}"?` : "";
  throw new UsageError(`Unknown command "${name}".${hint} Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
}

/** One line on stderr per failure; only errors nobody anticipated get a stack. */
function report(error: unknown, ctx: CliContext, command: CliCommand | undefined): ExitCode {
  if (error instanceof CliError) {
    ctx.stderr.write(`strata: ${error.message}\n`);
    if (error.exitCode === EXIT.usage) {
      ctx.stderr.write(`Run "${PROGRAM}${command ? ` ${command.name}` : ""} --help" for usage.\n`);
    }
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    ctx.stderr.write(`strata: ${error.message}\n`);
    return EXIT.config;
  }
  ctx.stderr.write(`strata: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.software;
}

/** Routes `argv` (without node and the script) to a command and maps every outcome to an exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  const [first, ...rest] = argv;
  let command: CliCommand | undefined;
  try {
    if (first === undefined) {
      ctx.stderr.write(globalHelp());
      return EXIT.usage;
    }
    if (isHelp(first) || first === "help") {
      const topic = first === "help" ? rest[0] : undefined;
      ctx.stdout.write(topic === undefined ? globalHelp() : findCommand(topic).help());
      return EXIT.ok;
    }
    command = findCommand(first);
    if (rest.some(isHelp)) {
      ctx.stdout.write(command.help());
      return EXIT.ok;
    }
    return await command.run(rest, ctx);
  } catch (error) {
    return report(error, ctx, command);
  }
}
