import { parsePrevious, parseTrustedKeys, type ParsedField } from "@/lib/evidence/verify-fields";
import { suggest } from "../args";
import { PROGRAM, formatExitCodes, type CliCommand } from "../command";
import { EXIT, UsageError } from "../errors";

/** verify takes several operands and a boolean --json, which defineCommand's one-operand, valued flags do not. */
export type VerifyArgs = { files: string[]; json: boolean; previous?: string | null; trustedKeys?: string[] };

/** A field parsed as the verification page parses it; its message names the flag instead of the field. */
function field<T>(parsed: ParsedField<T>, flag: string): T {
  if (!parsed.ok) throw new UsageError(parsed.message.replace(/^Invalid [a-z ]+? "/, `Invalid ${flag} "`));
  return parsed.value;
}
const FLAGS = ["json", "previous", "trusted-key"];

const HELP = [
  `Usage: ${PROGRAM} verify <bundle.zip> [more.zip ...] [flags]`,
  "",
  "Verifies Strata evidence bundles offline: the ZIP's structure, manifest.json against its schema, the",
  "Ed25519 signature (manifest.sig) over manifest.json with the bundle's public-key.pem, and the SHA-256",
  "and size of every file the manifest lists; a file that is missing, extra or changed is named. Given",
  "several bundles, it also checks the chain in the order given: each bundle's previousManifestSha256 must",
  "be the SHA-256 of the one before it's manifest.json.",
  "",
  "Arguments:",
  "  <bundle.zip>  One or more evidence bundles exported by Strata, oldest first",
  "",
  "Flags:",
  "  --json                   Print the report as one JSON document",
  "  --previous <sha256|none> The manifest hash the first bundle must name as its previous one",
  "                           (none: it must be the first export)",
  "  --trusted-key <key id>   Require the signing key to be this one (SHA-256 of its SPKI DER); repeatable",
  "  -h, --help               Show this help",
  "",
  "Exit codes:",
  formatExitCodes([EXIT.ok, EXIT.failOn, EXIT.usage, EXIT.noInput, EXIT.software, EXIT.interrupted]),
  "",
].join("\n");

function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  const args: VerifyArgs = { files: [], json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("-") || arg === "-") {
      args.files.push(arg);
      continue;
    }
    const [flag = "", inline] = arg.replace(/^--?/, "").split(/=(.*)/s);
    const value = () => {
      const next = inline ?? argv[i + 1];
      if (next === undefined || next.startsWith("-")) throw new UsageError(`--${flag} needs a value.`);
      if (inline === undefined) i += 1;
      return next;
    };
    if (flag === "json" && inline === undefined) args.json = true;
    else if (flag === "previous") {
      if (args.previous !== undefined) throw new UsageError("--previous was given more than once.");
      args.previous = field(parsePrevious(value()), "--previous") ?? null;
    } else if (flag === "trusted-key") {
      const ids = field(parseTrustedKeys(value()), "--trusted-key");
      if (!ids) throw new UsageError('Invalid --trusted-key "": must be a key id (64 lower-case hex characters).');
      args.trustedKeys = [...(args.trustedKeys ?? []), ...ids];
    } else {
      const close = suggest(flag, FLAGS);
      throw new UsageError(
        `Unknown flag ${arg.split("=")[0]} for "verify".${close ? ` Did you mean --${close}?` : ""} Valid flags: --json, --previous, --trusted-key, --help.`,
      );
    }
  }
  if (args.files.length === 0) throw new UsageError(`"verify" needs at least one <bundle.zip>.`);
  return args;
}

export const verifyCommand: CliCommand = {
  name: "verify",
  summary: "Verify evidence bundles offline: hashes, signature and the chain between them",
  help: () => HELP,
  run: async (argv, ctx) => {
    const args = parseVerifyArgs(argv);
    const { runVerifyCommand } = await import("./verify-run");
    return runVerifyCommand(args, ctx);
  },
};
