import type { Output } from "../command";
import { clean } from "./table";

const BAR_WIDTH = 24;
/** Without a terminal (CI logs), one line this often at most: enough to show life, not a flood. */
const LINE_INTERVAL_MS = 5_000;

/** `total` null: not known yet (an import still listing S3); shown as "?". A scan's ScanProgress fits. */
type Progress = { done: number; total: number | null; label: string };

export type ProgressReporter = { update: (p: Progress) => void; finish: () => void };

function bar(p: Progress): string {
  const filled = p.total ? Math.round((p.done / p.total) * BAR_WIDTH) : 0;
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
}

/**
 * Progress of `command` on `out` (stderr): a bar redrawn in place on a terminal, plain throttled
 * lines otherwise. `finish` clears the bar so the results start on a clean line.
 */
export function createProgress(out: Output, nowMs: () => number = Date.now, command = "scan"): ProgressReporter {
  if (out.isTTY) {
    let drawn = false;
    return {
      update: (p) => {
        const line = clean(`${bar(p)} ${p.done}/${p.total ?? "?"} ${p.label}`);
        // One column short of the width: writing the last column makes some terminals wrap.
        const width = Math.max(20, (out.columns ?? 80) - 1);
        out.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
        drawn = true;
      },
      finish: () => {
        if (drawn) out.write("\r\x1b[2K");
        drawn = false;
      },
    };
  }
  let last: number | undefined;
  return {
    update: (p) => {
      const now = nowMs();
      if (last !== undefined && now - last < LINE_INTERVAL_MS) return;
      last = now;
      out.write(`strata: ${command} ${p.done}/${p.total ?? "?"} ${clean(p.label)}\n`);
    },
    finish: () => undefined,
  };
}
