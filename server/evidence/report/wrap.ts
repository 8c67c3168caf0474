import "server-only";

/** Width of a string in the current font and size (the caller caches; this is hot). */
type Measure = (text: string) => number;

/**
 * Greedy word wrap at spaces, with runs of spaces kept inside a line (indentation in evidence JSON
 * matters) and dropped where the line breaks. A token wider than the line (an ARN, a hash) breaks
 * after separators (: / ) _ , -), else between code points, so no glyph is ever split. Our own
 * wrapper, not pdfkit's: a table must know a row's exact height before drawing it, and measuring
 * once and drawing exactly those lines is both exact and much faster than measuring then rewrapping.
 */
/** Pieces of an over-long token, each ending after a separator: arn:aws:iam::1:role/x, 164.308(a)(1)(ii)(B). */
const BREAK_AFTER = /[^:/)_,-]+[:/)_,-]*|[:/)_,-]+/g;

export function wrapLines(text: string, width: number, measure: Measure): string[] {
  const out: string[] = [];
  const space = measure(" ");
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    const push = () => {
      out.push(line.trimEnd());
      line = "";
      lineWidth = 0;
    };
    // pdfkit lays text out in chunks that end after each space ("word ", " "); measuring the same
    // chunks shares its layout cache, so each word is shaped once, not twice.
    for (const chunk of paragraph.match(/[^ ]* ?/g) ?? []) {
      if (chunk === "") continue;
      const w = measure(chunk);
      const ink = chunk.endsWith(" ") ? w - space : w;
      if (lineWidth + ink <= width) {
        line += chunk;
        lineWidth += w;
      } else if (chunk === " ") {
        push();
      } else {
        if (line.trim() !== "") push();
        if (ink <= width) {
          line += chunk;
          lineWidth += w;
        } else {
          // Too wide for any line: break after ARN and id separators, and inside a piece only if must.
          for (const piece of chunk.match(BREAK_AFTER) ?? []) {
            const pw = measure(piece);
            if (lineWidth + pw > width && line.trim() !== "") push();
            if (pw <= width) {
              line += piece;
              lineWidth += pw;
              continue;
            }
            for (const ch of piece) {
              const cw = measure(ch);
              if (lineWidth + cw > width && line.trim() !== "") push();
              line += ch;
              lineWidth += cw;
            }
          }
        }
      }
    }
    push();
  }
  return out;
}
