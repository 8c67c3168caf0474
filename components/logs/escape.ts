/**
 * Characters that are invisible or reorder text when rendered: C0 controls (but tab and newline),
 * DEL and C1, zero-width characters, line/paragraph separators, bidi overrides and isolates
 * ("Trojan Source"), the BOM and interlinear annotations. Logged prompts are attacker-controlled,
 * so the UI shows each as a visible \uXXXX escape instead of letting it act on the page.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

export type TextSegment = { text: string; escaped: boolean };

function escapeChar(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}

/** Splits text into plain runs and escaped invisible characters (each its own segment, already spelled out). */
export function splitInvisible(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const at = match.index;
    if (at > last) out.push({ text: text.slice(last, at), escaped: false });
    out.push({ text: escapeChar(match[0]), escaped: true });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), escaped: false });
  return out;
}

/** One line of plain text for titles and attributes, where markup cannot mark the escapes. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, escapeChar).replace(/[\t\n]/g, " ");
}

/** Cuts at `limit` UTF-16 units without splitting a surrogate pair. */
export function truncateText(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}
