import "server-only";
import { ValidationError } from "@/server/http/errors";

/*
 * The only way user input reaches a Logs Insights query. AWS documents no escaping rule for quotes
 * or backslashes inside Insights string literals (bedrock-formats.md 7.2), so values are first held
 * to an allow-listed grammar that cannot contain them, and only then quoted.
 */

/** Characters never allowed inside a string literal: quotes, escapes, the pipe, the comment sign, backticks. */
const LITERAL_UNSAFE = /["'\\|#`]/;
/** Control, format, unassigned, private-use and lone-surrogate code points, and line/paragraph separators. */
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/u;

type Rule = { pattern: RegExp; why: string };

/** Per-field grammars; each is a subset of what AWS itself allows for the field. */
export const RULES = {
  account: { pattern: /^\d{12}$/, why: "an AWS account id is 12 digits" },
  region: { pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, why: "a region looks like us-east-1" },
  model: {
    pattern: /^[A-Za-z0-9._:/+=,@-]{1,256}$/,
    why: "a model id, inference-profile id or ARN uses letters, digits and . _ : / + = , @ -",
  },
  operation: { pattern: /^[A-Za-z]{1,64}$/, why: "an operation name is letters only, e.g. Converse" },
  principal: {
    pattern: /^(arn:aws[a-z-]*:(iam|sts)::\d{0,12}:[A-Za-z0-9._:/+=,@-]{1,1024}|[a-z0-9.-]{1,128}\.amazonaws\.com(\.cn)?)$/,
    why: "a principal is an IAM or STS ARN (or a service principal such as bedrock.amazonaws.com)",
  },
  role: { pattern: /^[A-Za-z0-9_+=,.@-]{1,64}$/, why: "an IAM role name uses letters, digits and _ + = , . @ -" },
  errorCode: { pattern: /^[A-Za-z0-9_.:-]{1,128}$/, why: "an error code uses letters, digits and _ . : -" },
  metadataKey: {
    pattern: /^[A-Za-z0-9_.:-]{1,128}$/,
    why: "a metadata key uses letters, digits and _ . : - (at most 128 characters)",
  },
  requestId: { pattern: /^[A-Za-z0-9_.:-]{1,128}$/, why: "a request id is a UUID" },
  guardrailId: { pattern: /^[a-z0-9]{1,64}$/, why: "a guardrail id is 1–64 lowercase letters and digits" },
} as const satisfies Record<string, Rule>;
export type RuleName = keyof typeof RULES;

const preview = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** Throws a ValidationError naming the field, the value and the rule it broke. */
export function check(rule: RuleName, what: string, value: string): string {
  const { pattern, why } = RULES[rule];
  if (!pattern.test(value)) throw new ValidationError(`${what} ${preview(value)} cannot be searched in CloudWatch: ${why}.`);
  return value;
}

/** Metadata values are free-form tags: anything printable except the characters a literal cannot hold. */
export function checkMetadataValue(key: string, value: string): string {
  const bad = LITERAL_UNSAFE.exec(value)?.[0] ?? INVISIBLE.exec(value)?.[0];
  if (bad !== undefined) {
    throw new ValidationError(
      `Metadata value ${preview(value)} for ${key} cannot be searched in CloudWatch: it contains ${JSON.stringify(bad)} ` +
        "(quotes, backslashes, | # ` and control characters are not allowed).",
    );
  }
  return value;
}

/**
 * A double-quoted Insights string literal. Validation already excluded `"` and `\`; escaping them
 * again here means a future caller that skips validation still cannot close the literal.
 */
export function stringLiteral(value: string): string {
  if (LITERAL_UNSAFE.test(value) || INVISIBLE.test(value)) {
    throw new ValidationError(`${preview(value)} cannot be placed in a CloudWatch query literal.`);
  }
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A backticked field path; only metadata keys reach here, and RULES.metadataKey keeps them plain. */
export function fieldPath(path: string): string {
  if (!/^[A-Za-z0-9_.:@-]{1,256}$/.test(path)) throw new ValidationError(`${preview(path)} is not a plain field path.`);
  return `\`${path}\``;
}

/** A search word: letters, digits, marks, punctuation and symbols, except what the JSON text escapes. */
const WORD_CHARS = /^[\p{L}\p{N}\p{M}\p{P}\p{S}]+$/u;

/**
 * Whitespace-separated words to find in the raw record, as the embedded store's FTS splits them.
 * `"` and `\` are refused: the JSON-encoded record holds them escaped, so they could never match.
 */
export function searchWords(text: string): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  for (const word of words) {
    const bad = /["\\]/.exec(word)?.[0] ?? (WORD_CHARS.test(word) ? undefined : [...word].find((c) => !WORD_CHARS.test(c)));
    if (bad !== undefined) {
      throw new ValidationError(
        `Search text ${preview(text)} cannot be searched in CloudWatch: ${JSON.stringify(bad)} is not allowed ` +
          "(use letters, digits, punctuation other than quotes and backslashes).",
      );
    }
  }
  // As in the embedded store, words without a letter or digit match nothing useful and are dropped.
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * A case-insensitive regex literal matching `word` literally. Every ASCII character other than a
 * letter or digit becomes `\xHH`, so no regex metacharacter, delimiter, quote, pipe or comment sign
 * appears raw; other characters (letters of other scripts) are literal in the regex grammar.
 */
export function wordRegexLiteral(word: string): string {
  const body = [...word]
    .map((c) =>
      /^[A-Za-z0-9]$/.test(c) || (c.codePointAt(0) ?? 0) > 0x7f ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
    )
    .join("");
  return `/(?i)${body}/`;
}
