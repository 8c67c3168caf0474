import { CircleCheck, CircleX } from "lucide-react";
import type { Manifest, VerifyCheck } from "@/lib/schemas/evidence";

type Row = { path: string; bytes: number | null; sha256: string | null; check: VerifyCheck | undefined; listed: boolean };

/** The manifest's files, each with its own verdict, then any ZIP entry the manifest does not list. */
function rows(manifest: Manifest, checks: readonly VerifyCheck[]): Row[] {
  const fileChecks = checks.filter((c) => c.check === "file");
  // A failure outranks a pass for the same path (a path listed twice has both).
  const verdict = (path: string) =>
    fileChecks.find((c) => c.subject === path && !c.ok) ?? fileChecks.find((c) => c.subject === path);
  const listed = new Set(manifest.files.map((f) => f.path));
  const extra = [...new Set(fileChecks.filter((c) => !listed.has(c.subject)).map((c) => c.subject))];
  return [
    ...manifest.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256, check: verdict(f.path), listed: true })),
    ...extra.map((path) => ({ path, bytes: null, sha256: null, check: verdict(path), listed: false })),
  ];
}

export function FileTable({
  manifest,
  checks,
  caption,
}: {
  manifest: Manifest;
  checks: readonly VerifyCheck[];
  caption: string;
}) {
  const all = rows(manifest, checks);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[46rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-y border-(--border) text-left text-xs text-(--muted)">
            <th scope="col" className="h-9 px-3 pl-5 font-medium">
              Path
            </th>
            <th scope="col" className="px-3 text-right font-medium">
              Bytes
            </th>
            <th scope="col" className="px-3 font-medium">
              SHA-256 (manifest)
            </th>
            <th scope="col" className="px-3 pr-5 font-medium">
              Content
            </th>
          </tr>
        </thead>
        <tbody>
          {all.map((r) => {
            const ok = r.check?.ok === true;
            return (
              <tr
                key={r.path}
                className={
                  ok
                    ? "border-b border-(--border) last:border-0"
                    : "border-b border-(--border) bg-status-fail/[0.05] last:border-0"
                }
              >
                <td className="px-3 py-2 pl-5 font-mono text-xs break-all">{r.path}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{r.bytes?.toLocaleString("en-US") ?? "–"}</td>
                <td className="px-3 py-2 font-mono text-[11px] whitespace-nowrap text-(--muted)">{r.sha256 ?? "–"}</td>
                <td className="px-3 py-2 pr-5 whitespace-nowrap" title={r.check?.message}>
                  {ok ? (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-status-pass">
                      <CircleCheck aria-hidden className="size-3.5" strokeWidth={2.25} /> Verified
                    </span>
                  ) : (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-status-fail">
                      <CircleX aria-hidden className="size-3.5" strokeWidth={2.25} />
                      {!r.listed ? "Not in manifest" : r.check ? "Failed" : "Not checked"}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
