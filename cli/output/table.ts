// C0/C1 control characters: resource names and messages come from the estate, and an escape
// sequence in them must not reach the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** One line of text that is safe to print: control characters become spaces. */
export function clean(text: string): string {
  return text.replace(CONTROL, " ");
}

/** A column that may be cut to fit a terminal: "middle" keeps both ends (an ARN's resource name). */
type Fit = { column: number; min: number; cut: "end" | "middle" };

function cut(text: string, width: number, how: Fit["cut"]): string {
  if (text.length <= width) return text;
  if (how === "end" || width < 3) return `${text.slice(0, Math.max(0, width - 1))}…`;
  const head = Math.floor((width - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`;
}

/**
 * Left-aligned columns separated by two spaces. With `maxWidth` (a terminal), the `fit` columns
 * are narrowed in the order given, each down to its `min`; without it (a pipe or file) nothing is cut.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { maxWidth?: number; indent?: string; fit?: readonly Fit[] } = {},
): string {
  const indent = options.indent ?? "";
  const cells = [headers, ...rows].map((row) => row.map(clean));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const fits = new Map((options.fit ?? []).map((f) => [f.column, f]));
  if (options.maxWidth !== undefined) {
    let over = indent.length + widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1) - options.maxWidth;
    for (const f of fits.values()) {
      const width = widths[f.column] ?? 0;
      const by = Math.max(0, Math.min(over, width - f.min));
      widths[f.column] = width - by;
      over -= by;
    }
  }
  const last = widths.length - 1;
  return cells
    .map((row) => {
      const text = row.map((cell, i) => {
        const width = widths[i] ?? 0;
        const f = fits.get(i);
        const fitted = f ? cut(cell, width, f.cut) : cell;
        return i === last ? fitted : fitted.padEnd(width);
      });
      return (indent + text.join("  ")).trimEnd();
    })
    .join("\n");
}
