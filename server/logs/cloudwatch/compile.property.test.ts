import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LogFilter } from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import { getQuery, searchQuery } from "./compile";

/*
 * No input escapes its literal. A small tokenizer of Insights' literal syntax splits each query into
 * string literals ("…" with \-escapes), regex literals (/…/ with \-escapes) and backticked names;
 * everything else is the skeleton. For any value a field accepts, the query must equal the query for
 * a benign value except in exactly one literal token, and that token must decode back to the value.
 */

type Token = { kind: "string" | "regex" | "name" | "code"; text: string };

function tokenize(query: string): Token[] {
  const out: Token[] = [];
  let code = "";
  let i = 0;
  const closing = { '"': "string", "'": "string", "/": "regex", "`": "name" } as const;
  while (i < query.length) {
    const c = query[i] as string;
    const kind = closing[c as keyof typeof closing];
    if (kind === undefined) {
      code += c;
      i++;
      continue;
    }
    if (code !== "") out.push({ kind: "code", text: code });
    code = "";
    let j = i + 1;
    while (j < query.length && query[j] !== c) j += kind !== "name" && query[j] === "\\" ? 2 : 1;
    if (j >= query.length) throw new Error(`unterminated ${kind} literal at ${i}: ${query.slice(i, i + 40)}`);
    out.push({ kind, text: query.slice(i, j + 1) });
    i = j + 1;
  }
  if (code !== "") out.push({ kind: "code", text: code });
  return out;
}

/** The value a literal stands for: string escapes removed; for a word regex, the literal text it matches. */
function decode(token: Token): string {
  const body = token.text.slice(1, -1);
  if (token.kind === "name") return body;
  if (token.kind === "string") return body.replace(/\\(.)/gsu, "$1");
  // The compiler's own constant patterns (guardrail signals, the role parse) stand for themselves.
  if (!body.startsWith("(?i)")) return body;
  // A word regex may hold only literal characters: ASCII letters/digits, \xHH escapes and non-ASCII characters.
  expect(body).toMatch(/^\(\?i\)(?:[A-Za-z0-9]|\\x[0-9a-f]{2}|[^\x00-\x7f])*$/u);
  return body.slice(4).replace(/\\x([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const skeleton = (tokens: Token[]) => tokens.map((t) => (t.kind === "code" ? t.text : `<${t.kind}>`)).join("");

/** Compiles `value` and `benign` the same way; returns the decoded differing literal, or "rejected". */
function literalFor(build: (v: string) => string, value: string, benign: string, benignDecoded = benign): string | "rejected" {
  let query: string;
  try {
    query = build(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return "rejected";
  }
  const mine = tokenize(query);
  const reference = tokenize(build(benign));
  expect(skeleton(mine)).toBe(skeleton(reference));
  const at = reference.flatMap((t, i) => (t.kind !== "code" && decode(t) === benignDecoded ? [i] : []));
  expect(at).toHaveLength(1);
  const index = at[0] as number;
  mine.forEach((t, i) => {
    if (i !== index) expect(t).toEqual(reference[i]);
  });
  const token = mine[index] as Token;
  // Nothing a literal holds may end the command or start a comment once the literal is closed.
  if (token.kind === "string") expect(token.text.slice(1, -1)).not.toMatch(/(?<!\\)"|[\n\r|#`]/);
  return decode(token);
}

const RANGE = { from: "2025-01-01T00:00:00Z", to: "2025-01-02T00:00:00Z" };
const search = (f: Partial<LogFilter>) => searchQuery({ ...RANGE, ...f }, { t: 1, id: "cursor-1" }, 51);

const NASTY = [
  '"',
  "'",
  "\\",
  "|",
  "\n",
  "\r",
  "/",
  "`",
  "#",
  "*",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "$",
  "^",
  ".",
  "?",
  "+",
  "\u2028",
  "\u0000",
  "\t",
  " ",
  "a",
  "7",
  "-",
  ":",
  "@",
  "é",
  "😀",
  "\ud800",
  "\\x41",
  "/*",
  "\\/",
];
/** Any UTF-16 string (lone surrogates included), adversarial mixes, and values shaped like each field's grammar. */
const anyString = fc.oneof(
  fc.string({ unit: fc.nat(0xffff).map((n) => String.fromCharCode(n)), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join("")),
  fc.stringMatching(/^[A-Za-z0-9._:/+=,@-]{1,40}$/),
  fc.stringMatching(/^\d{12}$/),
  fc.constantFrom("us-east-1", "arn:aws:sts::111122223333:assumed-role/App/s", "bedrock.amazonaws.com", "Converse"),
);

const FIELDS: [string, (v: string) => string, string][] = [
  ["accountIds", (v) => search({ accountIds: [v] }), "111122223333"],
  ["regions", (v) => search({ regions: [v] }), "eu-west-1"],
  ["modelIds", (v) => search({ modelIds: [v] }), "benign.model-v1:0"],
  ["operations", (v) => search({ operations: [v] }), "Benign"],
  ["principalArns", (v) => search({ principalArns: [v] }), "arn:aws:iam::111122223333:user/benign"],
  ["roles", (v) => search({ roles: [v] }), "BenignRole"],
  ["errorCodes", (v) => search({ errorCodes: [v] }), "BenignException"],
  ["metadata value", (v) => search({ metadata: [{ key: "team", value: v }] }), "benign value"],
  ["cursor id", (v) => searchQuery(RANGE, { t: 1, id: v }, 51), "benign-id"],
  ["record id", (v) => getQuery(v), "benign-id"],
];

describe("no input escapes its literal", () => {
  it.each(FIELDS)("%s", (_, build, benign) => {
    let accepted = 0;
    fc.assert(
      fc.property(anyString, (value) => {
        const decoded = literalFor(build, value, benign);
        if (decoded === "rejected") return;
        accepted++;
        expect(decoded).toBe(value);
      }),
      { numRuns: 400 },
    );
    // Each field accepted some generated values, so the literal checks above really ran.
    expect(accepted).toBeGreaterThan(5);
  });

  it("metadata keys, as a backticked field path", () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyString, (key) => {
        const build = (k: string) => search({ metadata: [{ key: k, value: "v" }] });
        const decoded = literalFor(build, key, "benign", "requestMetadata.benign");
        if (decoded === "rejected") return;
        accepted++;
        expect(decoded).toBe(`requestMetadata.${key}`);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(5);
  });

  it("free text: each searched word is one regex literal matching exactly that word", () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyString, (text) => {
        const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
        const benign = words.map((_, i) => `w${i}`).join(" ") || "--";
        let query: string;
        try {
          query = search({ text });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        accepted++;
        const mine = tokenize(query);
        const reference = tokenize(search({ text: benign }));
        expect(skeleton(mine)).toBe(skeleton(reference));
        const changed = mine.flatMap((t, i) => (t.text === reference[i]?.text ? [] : [decode(t)]));
        expect(changed).toEqual(words.filter((w, i) => w !== `w${i}`));
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(5);
  });

  it("guardrail ids: the same value in each of its literals, nothing else changed", () => {
    let accepted = 0;
    const build = (v: string) => search({ guardrailIds: [v] });
    fc.assert(
      fc.property(fc.oneof(anyString, fc.stringMatching(/^[a-z0-9]{1,64}$/)), (value) => {
        let query: string;
        try {
          query = build(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        accepted++;
        const mine = tokenize(query);
        const reference = tokenize(build("benign"));
        expect(skeleton(mine)).toBe(skeleton(reference));
        // The id is matched against the traced id, then the requested one: two literals, both exactly the value.
        const changed = mine.flatMap((t, i) => (t.text === reference[i]?.text ? [] : [t]));
        expect(changed.map((t) => t.kind)).toEqual(["string", "string"]);
        for (const t of changed) expect(decode(t)).toBe(value);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(5);
  });

  it("the tokenizer itself catches a value that breaks out of its literal", () => {
    const naive = (v: string) => `filter modelId = "${v}"`;
    expect(() => literalFor(naive, 'x" or modelId = "y', "benign")).toThrow();
    expect(() => tokenize('filter a = "unterminated')).toThrow(/unterminated/);
  });
});
