import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { coveredCodePoints } from "./coverage";

/**
 * Geist 1.9.2 (SIL OFL 1.1, see fonts/OFL.txt), copied from the `geist` package so the report never
 * depends on node_modules layout. Resolved from process.cwd(): vitest, the CLI (`npm run strata`) and
 * `next start` all run from the repository root, and a plain path needs no bundler support (an
 * import.meta.url or __dirname inside a Next server chunk points into .next, not at this folder).
 */
const FONT_DIR = path.join(process.cwd(), "server", "evidence", "report", "fonts");

const FILES = { sans: "Geist-Regular.ttf", bold: "Geist-Bold.ttf", mono: "GeistMono-Regular.ttf" } as const;

export type FontName = keyof typeof FILES;

type Face = { file: Buffer; covers: Set<number> };

let cache: Record<FontName, Face> | undefined;

/** The three faces and the characters each can draw, read once per process: every report embeds the same files. */
export function fontFaces(): Record<FontName, Face> {
  cache ??= { sans: face(FILES.sans), bold: face(FILES.bold), mono: face(FILES.mono) };
  return cache;
}

function face(file: string): Face {
  const bytes = read(file);
  return { file: withoutShapingTables(bytes), covers: coveredCodePoints(bytes) };
}

function read(file: string): Buffer {
  const full = path.join(FONT_DIR, file);
  try {
    return readFileSync(full);
  } catch (error) {
    throw new Error(`report.pdf needs the font ${full}; run Strata from the repository root (${String(error)})`);
  }
}

/** OpenType layout tables; without them fontkit maps characters to glyphs directly (no ligatures, no kerning). */
const SHAPING_TABLES = new Set(["GSUB", "GPOS", "GDEF"]);

/**
 * The font with its shaping tables left out of the table directory (the bytes stay where they are, so
 * every other table's offset still holds). Shaping each distinct word took about 40 % of a report's
 * render time, and Latin report text needs neither ligatures nor kerning to read well.
 */
function withoutShapingTables(font: Buffer): Buffer {
  const out = Buffer.from(font);
  const count = font.readUInt16BE(4);
  const kept: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const record = font.subarray(12 + 16 * i, 28 + 16 * i);
    if (!SHAPING_TABLES.has(record.toString("latin1", 0, 4))) kept.push(record);
  }
  kept.forEach((record, i) => record.copy(out, 12 + 16 * i));
  out.fill(0, 12 + 16 * kept.length, 12 + 16 * count);
  const log2 = Math.floor(Math.log2(kept.length));
  out.writeUInt16BE(kept.length, 4);
  out.writeUInt16BE(16 * 2 ** log2, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(16 * (kept.length - 2 ** log2), 10);
  return out;
}
