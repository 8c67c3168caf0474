import type { ImportProgress, ImportSummary } from "@/server/logs/import/import";
import { clean, renderTable } from "../output/table";

const count = (n: number) => n.toLocaleString("en-US");

function rate(records: number, elapsedMs: number): string {
  return count(elapsedMs > 0 ? Math.round((records * 1000) / elapsedMs) : 0);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? "" : "s"}`;

/** The progress bar's text: files as done/total, then records and rate, then the file being read. */
export function progressLabel(p: ImportProgress): string {
  const file = p.currentFile === null ? "" : ` ${p.currentFile.split("/").pop() ?? ""}`;
  const malformed = p.malformed > 0 ? `, ${count(p.malformed)} malformed` : "";
  return `files, ${plural(p.records, "record")} (${rate(p.records, p.elapsedMs)}/s)${malformed}${file}`;
}

export type ImportReport = ImportSummary & { db: string };

export function renderJson(report: ImportReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderTableReport(report: ImportReport, maxWidth?: number): string {
  const ignored = report.ignoredFiles > 0 ? `, ${count(report.ignoredFiles)} other ignored` : "";
  const rows: [string, string][] = [
    ["Source", report.source],
    ["Store", report.db],
    ["Files", `${count(report.files)} read${ignored}, ${count(report.failedFiles.length)} failed`],
    ["Records", `${count(report.records)}: ${count(report.inserted)} new, ${count(report.skipped)} already stored`],
    ["Malformed", report.quarantinePath ? `${count(report.malformed)} → ${report.quarantinePath}` : "0"],
    [
      "Read",
      `${size(report.bytes)} in ${(report.elapsedMs / 1000).toFixed(1)} s (${rate(report.records, report.elapsedMs)} records/s)`,
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [
    report.aborted ? "Import interrupted" : "Import finished",
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${clean(value)}`),
  ];
  if (report.failedFiles.length > 0) {
    lines.push(
      "",
      "Failed files (re-run the import once fixed; records already stored are skipped):",
      renderTable(
        ["FILE", "REASON"],
        report.failedFiles.map((f) => [f.file, f.reason]),
        { maxWidth, indent: "  ", fit: [{ column: 0, min: 20, cut: "middle" }] },
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}
