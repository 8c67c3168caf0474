import { z } from "zod";
import { UsageError } from "./errors";

/** One `--name <value>` flag. Every flag takes a value; `--help` is handled by the router. */
type FlagSpec = {
  /** Placeholder shown in help, such as `<ids>` or `<table|json>`. */
  value: string;
  help: string;
  /** Parses the raw text; the first issue's message becomes the usage error. */
  schema: z.ZodType<unknown, string>;
  /** Repeating a list flag appends to the list; repeating any other flag is an error. */
  repeatable?: boolean;
};

export type FlagSpecs = Record<string, FlagSpec>;

export type ParsedFlags<S extends FlagSpecs> = { [K in keyof S]?: z.output<S[K]["schema"]> };

/** An enum whose error lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: () => `must be one of ${values.join(", ")}` });
}

/** A comma-separated list of `item`, at least one, whitespace and empty entries dropped. */
export function csvOf<T>(item: z.ZodType<T, string>, what: string) {
  return z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, `needs at least one ${what}`));
}

/** Edits (insert, delete, substitute, swap two neighbours) between two short names. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known name closest to a mistyped one, if it is close enough to be a typo. */
export function suggest(name: string, known: readonly string[]): string | undefined {
  const best = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(name.length / 3)) ? best.k : undefined;
}

function unknownFlag(arg: string, specs: FlagSpecs, command: string): UsageError {
  const names = Object.keys(specs);
  const close = suggest(arg.replace(/^-+/, "").split("=")[0] ?? "", names);
  const hint = close ? ` Did you mean --${close}?` : "";
  const valid = names.map((n) => `--${n}`).join(", ");
  return new UsageError(`Unknown flag ${arg.split("=")[0]} for "${command}".${hint} Valid flags: ${valid}, --help.`);
}

/** Parses `--name value` and `--name=value`; anything else is a usage error naming the problem. */
export function parseFlags<S extends FlagSpecs>(specs: S, argv: readonly string[], command: string): ParsedFlags<S> {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const match = /^--([a-z][a-z0-9-]*)(?:=([\s\S]*))?$/.exec(arg);
    if (!match) {
      if (arg.startsWith("-")) throw unknownFlag(arg, specs, command);
      throw new UsageError(`Unexpected argument "${arg}": "${command}" takes only flags (see --help).`);
    }
    const name = match[1] ?? "";
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) throw unknownFlag(arg, specs, command);
    let value = match[2];
    if (value === undefined) {
      const next = argv[i + 1];
      // No value of ours starts with "-", so "--format --fail-on high" means --format lost its value.
      if (next === undefined || next.startsWith("-")) throw new UsageError(`--${name} needs a value: --${name} ${spec.value}`);
      value = next;
      i += 1;
    }
    const previous = raw.get(name);
    if (previous !== undefined && !spec.repeatable) throw new UsageError(`--${name} was given more than once.`);
    raw.set(name, previous === undefined ? value : `${previous},${value}`);
  }

  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const text = raw.get(name);
    if (text === undefined) continue;
    const result = spec.schema.safeParse(text);
    if (!result.success) {
      const reason = result.error.issues[0]?.message ?? "invalid value";
      throw new UsageError(`Invalid --${name} ${JSON.stringify(text)}: ${reason}.`);
    }
    parsed[name] = result.data;
  }
  return parsed as ParsedFlags<S>;
}
