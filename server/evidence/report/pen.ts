import "server-only";
import { fontFaces, type FontName } from "./fonts";
import { COLOR, SIZE } from "./theme";
import { wrapLines } from "./wrap";

/** A styled piece of text; a table cell or a block is a stack of runs. */
export type Run = { text: string; font?: FontName; size?: number; color?: string };
export type Style = Required<Omit<Run, "text">>;
/** A run wrapped to a width: the lines exactly as they will be drawn. */
export type Laid = { style: Style; lines: string[]; lineHeight: number };

/**
 * No width: pdfkit draws the line as is, without its own wrapping or page breaks. `textWidth` and
 * `wordCount` only feed underlines and links, which the report has none of; giving them spares
 * pdfkit measuring every line a second time.
 */
const DRAW_AS_IS: PDFKit.Mixins.TextOptions & { textWidth: number; wordCount: number } = {
  lineBreak: false,
  textWidth: 0,
  wordCount: 1,
};

/** Every font here draws these; the common case skips the per-character coverage check. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Text on one pdfkit document: the embedded faces, cached measuring, wrapping, and drawing one line
 * at a time. The page layout (Writer) decides where; the pen only knows how.
 */
export class Pen {
  private readonly widths = new Map<string, number>();
  private readonly faces = fontFaces();
  /** The fill colour last set: pdfkit writes a colour operator on every call, so repeats are skipped. */
  private color: string | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    for (const [name, face] of Object.entries(this.faces)) doc.registerFont(name, face.file);
  }

  /** A new or revisited page starts from the PDF's default colour. */
  forgetColor(): void {
    this.color = undefined;
  }

  private apply(style: Style): void {
    this.doc.font(style.font).fontSize(style.size);
    if (this.color !== style.color) this.doc.fillColor(style.color);
    this.color = style.color;
  }

  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.doc.rect(x, y, width, height).fill(color);
    this.color = color;
  }

  /** Widths are cached per font, size and token: the same words and JSON keys repeat thousands of times. */
  measure(style: Style, text: string): number {
    const key = `${style.font}\u0000${style.size}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.apply(style);
      width = this.doc.widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  lay(run: Run, width: number): Laid {
    const style: Style = { font: run.font ?? "sans", size: run.size ?? SIZE.body, color: run.color ?? COLOR.text };
    this.apply(style);
    const gap = style.font === "mono" ? 0.8 : 1.8;
    const lineHeight = this.doc.currentLineHeight(true) + gap;
    return { style, lineHeight, lines: wrapLines(run.text, width, (t) => this.measure(style, t)) };
  }

  drawLine(line: string, x: number, y: number, style: Style): void {
    if (line === "") return;
    this.apply(style);
    // A character the font lacks shows as a box; ActualText keeps it in copied and extracted text.
    const lacking = !PRINTABLE_ASCII.test(line) && this.lacksGlyph(style.font, line);
    if (lacking) this.doc.markContent("Span", { actual: line });
    this.doc.text(line, x, y, DRAW_AS_IS);
    if (lacking) this.doc.endMarkedContent();
  }

  private lacksGlyph(font: FontName, line: string): boolean {
    const { covers } = this.faces[font];
    for (const ch of line) if (!covers.has(ch.codePointAt(0) ?? 0)) return true;
    return false;
  }
}
