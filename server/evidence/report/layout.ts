import "server-only";
import PDFDocument from "pdfkit";
import { Pen, type Laid, type Run, type Style } from "./pen";
import { COLOR, PAGE, SIZE } from "./theme";

export type Cell = string | Run[];
/** `width` is a share of the text width (the shares of a table add up to 1). */
export type Column = { header: string; width: number };

const CELL_PAD = { x: 4, y: 3 };
/** A cell never holds more than this: a hostile 1 MB message must not make a row taller than a page. */
const MAX_CELL_CHARS = 1500;

type Meta = { title: string; subject: string; creator: string; createdAt: Date };

/**
 * The PDF and its running layout. Pages are buffered so the header and footer can say "page N of M";
 * each page remembers its section for the header. All text goes through wrapLines and is drawn line
 * by line, so pdfkit never breaks a page on its own and every measured height is the drawn height.
 */
export class Writer {
  readonly doc: PDFKit.PDFDocument;
  private section = "";
  private readonly pageSections: string[] = [];
  private readonly pen: Pen;

  constructor(meta: Meta) {
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: PAGE.margin,
      bufferPages: true,
      autoFirstPage: false,
      lang: "en",
      displayTitle: true,
      // Fixed dates make the file ID (an MD5 of the info dictionary) and so the whole file reproducible.
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.creator,
        Creator: meta.creator,
        CreationDate: meta.createdAt,
        ModDate: meta.createdAt,
      },
    });
    this.pen = new Pen(this.doc);
    this.doc.on("pageAdded", () => {
      this.pageSections.push(this.section);
      this.pen.forgetColor();
    });
  }

  get left(): number {
    return PAGE.margin.left;
  }

  get width(): number {
    return this.doc.page.width - PAGE.margin.left - PAGE.margin.right;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.margin.bottom;
  }

  private get pageBody(): number {
    return this.doc.page.height - PAGE.margin.top - PAGE.margin.bottom;
  }

  /** A new page headed by `title`; the running header names it on every page it spans. */
  startSection(title: string, heading = title): void {
    this.section = title;
    this.doc.addPage();
    this.heading(heading, 1);
  }

  /** Moves to a new page unless `height` points still fit: keeps a heading with what follows it. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    if (level > 1) {
      this.space(size * 0.8);
      this.ensure(size * 2 + 60);
    }
    this.write([{ text, font: "bold", size, color: level === 1 ? COLOR.accent : COLOR.text }]);
    this.space(level === 1 ? 10 : 4);
  }

  paragraph(text: string, style: Partial<Style> = {}): void {
    this.write([{ text, ...style }]);
    this.space(5);
  }

  /** Runs stacked at the left margin, flowing over pages line by line. */
  write(runs: Run[], x = this.left, width = this.width): void {
    for (const run of runs) {
      const laid = this.pen.lay(run, width);
      for (const line of laid.lines) {
        this.ensure(laid.lineHeight);
        this.pen.drawLine(line, x, this.doc.y, laid.style);
        this.doc.y += laid.lineHeight;
      }
    }
  }

  /** Label/value rows: a table without a header, the labels muted. */
  keyValues(rows: [string, Cell][], labelShare = 0.27): void {
    this.table(
      [
        { header: "", width: labelShare },
        { header: "", width: 1 - labelShare },
      ],
      rows.map(([label, value]) => [[{ text: label, font: "bold", color: COLOR.muted }], value]),
      { header: false },
    );
  }

  /** A table whose header row repeats at the top of every page it continues on. */
  table(shares: Column[], rows: Cell[][], options: { header?: boolean } = {}): void {
    const widths = shares.map((c) => c.width * this.width);
    const header =
      options.header === false
        ? undefined
        : this.layRow(
            widths,
            shares.map((c) => [headerRun(c.header)]),
          );
    const laid = rows.map((row) => this.layRow(widths, row));
    if (header) {
      // The header goes with the first row: never a lone header at the foot of a page.
      this.ensure(header.height + (laid[0]?.height ?? 0));
      this.drawRow(widths, header, COLOR.headerFill);
    }
    for (const row of laid) {
      if (this.doc.y + row.height > this.bottom) {
        this.doc.addPage();
        if (header) this.drawRow(widths, header, COLOR.headerFill);
      }
      this.drawRow(widths, row);
    }
    this.space(8);
  }

  /** Monospace lines on a tinted background, split into page-sized pieces so no box straddles a page. */
  code(text: string[]): void {
    const laid = this.pen.lay({ text: text.join("\n"), font: "mono", size: SIZE.mono }, this.width - CELL_PAD.x * 2);
    const { lines, lineHeight } = laid;
    let i = 0;
    while (i < lines.length) {
      this.ensure(lineHeight + CELL_PAD.y * 2);
      const top = this.doc.y;
      const fit = Math.max(1, Math.floor((this.bottom - top - CELL_PAD.y * 2) / lineHeight));
      const piece = lines.slice(i, i + fit);
      const height = piece.length * lineHeight + CELL_PAD.y * 2;
      this.pen.fillRect(this.left, top, this.width, height, COLOR.codeFill);
      piece.forEach((line, j) => this.pen.drawLine(line, this.left + CELL_PAD.x, top + CELL_PAD.y + j * lineHeight, laid.style));
      this.doc.y = top + height;
      i += piece.length;
    }
    this.space(6);
  }

  rule(): void {
    this.hline(this.doc.y, 0.5);
    this.space(8);
  }

  /** Header (section) and footer (`footer(n, m)`) on every buffered page, drawn once the page count is known. */
  finish(footer: (page: number, pages: number) => string, headerLeft: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    const style: Style = { font: "sans", size: SIZE.small, color: COLOR.muted };
    const headerY = PAGE.margin.top - 30;
    const footerY = this.doc.page.height - PAGE.margin.bottom + 26;
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.pen.forgetColor();
      this.pen.drawLine(headerLeft, this.left, headerY, style);
      const section = this.pageSections[i] ?? "";
      this.pen.drawLine(section, this.left + this.width - this.pen.measure(style, section), headerY, style);
      this.hline(headerY + 12, 0.5);
      const text = footer(i + 1, count);
      this.pen.drawLine(text, this.left + (this.width - this.pen.measure(style, text)) / 2, footerY, style);
    }
  }

  /** The finished file. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.doc.end();
    return done;
  }

  private hline(y: number, width: number): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .strokeColor(COLOR.rule)
      .stroke();
  }

  private layRow(widths: number[], row: Cell[]): { cells: Laid[][]; height: number } {
    const cells = widths.map((width, i) => {
      const cell = row[i] ?? "";
      const runs = typeof cell === "string" ? [{ text: cell }] : cell;
      return runs.map((r) => this.pen.lay({ ...r, text: clip(r.text) }, width - CELL_PAD.x * 2));
    });
    const content = Math.max(...cells.map((runs) => runs.reduce((h, r) => h + r.lines.length * r.lineHeight, 0)));
    // A row taller than a page is cut at the page (drawRow stops at `height`): only hostile input gets there.
    return { cells, height: Math.min(content + CELL_PAD.y * 2, this.pageBody - 40) };
  }

  private drawRow(widths: number[], row: { cells: Laid[][]; height: number }, fill?: string): void {
    const top = this.doc.y;
    if (fill) this.pen.fillRect(this.left, top, this.width, row.height, fill);
    let x = this.left;
    const limit = top + row.height - CELL_PAD.y;
    row.cells.forEach((runs, i) => {
      let y = top + CELL_PAD.y;
      for (const run of runs)
        for (const line of run.lines) {
          if (y + run.lineHeight > limit + 0.01) break;
          this.pen.drawLine(line, x + CELL_PAD.x, y, run.style);
          y += run.lineHeight;
        }
      x += widths[i] ?? 0;
    });
    this.hline(top + row.height, 0.4);
    this.doc.y = top + row.height;
  }
}

function headerRun(text: string): Run {
  return { text, font: "bold", size: SIZE.small, color: COLOR.muted };
}

function clip(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  // By code point, so the cut never leaves half a surrogate pair.
  return `${Array.from(text).slice(0, MAX_CELL_CHARS).join("")}… (cut; the bundle's JSON files have it whole)`;
}
