import "server-only";
import { sanitise, sanitiseText } from "../contents/sanitise";
import { multiLine } from "./text";

export const EXCERPT_MAX_LINES = 40;
export const EXCERPT_MAX_CHARS = 2000;
export const TRUNCATED_MARKER = "… truncated; full evidence in findings.json";

/**
 * The evidence as an auditor reads it: sanitised like every bundle file, pretty JSON, and short
 * enough for paper. Cutting is always announced, so nobody takes an excerpt for the whole record.
 */
export function evidenceExcerpt(evidenceJson: string): string[] {
  let pretty: string;
  try {
    pretty = JSON.stringify(sanitise(JSON.parse(evidenceJson)), null, 2) ?? "null";
  } catch {
    // Stored evidence is always JSON; if a row is damaged, show its (sanitised) text rather than fail.
    pretty = sanitiseText(evidenceJson);
  }
  const all = multiLine(pretty).split("\n");
  const lines: string[] = [];
  let chars = 0;
  for (const line of all) {
    if (lines.length === EXCERPT_MAX_LINES || chars + line.length > EXCERPT_MAX_CHARS) {
      const room = EXCERPT_MAX_CHARS - chars;
      if (lines.length < EXCERPT_MAX_LINES && room > 20) lines.push(line.slice(0, room));
      lines.push(TRUNCATED_MARKER);
      return lines;
    }
    lines.push(line);
    chars += line.length + 1;
  }
  return lines;
}
