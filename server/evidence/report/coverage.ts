import "server-only";

/**
 * The code points a TrueType font has a glyph for, read from its cmap (format 12, else format 4).
 * A line with any other character is drawn with an ActualText span, so copying or extracting the
 * text gives the real characters although the page shows the font's missing-glyph box.
 */
export function coveredCodePoints(font: Buffer): Set<number> {
  const out = new Set<number>();
  const cmap = tableOffset(font, "cmap");
  if (cmap === undefined) return out;
  const subtables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    subtables.set(`${font.readUInt16BE(record)}/${font.readUInt16BE(record + 2)}`, cmap + font.readUInt32BE(record + 4));
  }
  const full = subtables.get("3/10") ?? subtables.get("0/4");
  if (full !== undefined && font.readUInt16BE(full) === 12) {
    for (let g = 0; g < font.readUInt32BE(full + 12); g++) {
      const group = full + 16 + 12 * g;
      for (let c = font.readUInt32BE(group); c <= font.readUInt32BE(group + 4); c++) out.add(c);
    }
    return out;
  }
  const bmp = subtables.get("3/1") ?? subtables.get("0/3");
  if (bmp === undefined || font.readUInt16BE(bmp) !== 4) return out;
  const segments = font.readUInt16BE(bmp + 6) / 2;
  const ends = bmp + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = font.readUInt16BE(starts + 2 * s);
    const end = font.readUInt16BE(ends + 2 * s);
    const delta = font.readUInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph = (c + delta) & 0xffff;
      if (rangeOffset !== 0) {
        const raw = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}

function tableOffset(font: Buffer, tag: string): number | undefined {
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (font.toString("latin1", record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  return undefined;
}
