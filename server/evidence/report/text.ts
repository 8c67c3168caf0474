import "server-only";

/**
 * Control characters (C0, DEL, C1) and the bidi embedding/override/isolate marks go: the first can
 * corrupt a PDF text run, the second can make an ARN read differently from its bytes. Lone surrogates
 * become U+FFFD so the font engine always gets well-formed text.
 */
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
const LONE_SURROGATE = /\p{Cs}/gu;

/** One line of text: line breaks and tabs become spaces, other controls are removed. */
export function oneLine(value: string): string {
  return value
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, " ")
    .replace(CONTROL, "");
}

/** Text whose line breaks matter (evidence, attestations): newlines kept, tabs as two spaces. */
export function multiLine(value: string): string {
  return value
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .replace(/\t/g, "  ")
    .replace(CONTROL, (c) => (c === "\n" ? c : ""));
}

/** UTC ISO timestamp as stored; the text says UTC so nobody reads it as local time. */
export function utc(iso: string | null | undefined): string {
  return iso ? `${iso} (UTC)` : "not recorded";
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
