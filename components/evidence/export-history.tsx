import { CircleAlert, Link2 } from "lucide-react";
import { formatDateTime } from "@/components/posture/format";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { ExportHistory } from "@/lib/schemas/evidence";

const short = (hash: string) => `${hash.slice(0, 12)}…${hash.slice(-6)}`;

/**
 * The chain this dashboard recorded, newest first: an auditor matches a received bundle's manifest SHA-256 (shown
 * by the verifier above) against it, and sees who exported what and which export came before.
 */
export function ExportHistoryCard({ history }: { history: ExportHistory }) {
  const { exports, end, offChain } = history;
  return (
    <Card aria-labelledby="export-history-title">
      <CardHeader
        id="export-history-title"
        title="Exports from this dashboard"
        description="The chain of evidence exports as this dashboard recorded it, newest first. A verified bundle's manifest SHA-256 should appear here."
      />
      {end === "broken" && (
        <p role="alert" className="mx-5 mb-3 flex items-start gap-2 text-sm text-red-700 dark:text-red-400">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          The chain is broken: the oldest export listed names a previous manifest that no recorded export has.
        </p>
      )}
      {end === "limit" && (
        <p className="mx-5 mb-3 text-xs text-(--muted)">
          The newest {exports.length} exports; the chain continues before them (GET /api/evidence/exports?limit=… lists more).
        </p>
      )}
      {offChain > 0 && (
        <p role="alert" className="mx-5 mb-3 flex items-start gap-2 text-sm text-red-700 dark:text-red-400">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {offChain} recorded export{offChain === 1 ? " is" : "s are"} not on the chain.
        </p>
      )}
      {exports.length === 0 ? (
        <p className="border-t border-(--border) px-5 py-4 text-sm text-(--muted)">No evidence has been exported yet.</p>
      ) : (
        <div className="overflow-x-auto border-t border-(--border)">
          <table className="w-full text-sm">
            <caption className="sr-only">Evidence exports, newest first</caption>
            <thead className="text-left text-xs text-(--muted)">
              <tr>
                <th className="px-5 py-2 font-medium">Exported</th>
                <th className="px-3 py-2 font-medium">By</th>
                <th className="px-3 py-2 font-medium">Framework</th>
                <th className="px-3 py-2 font-medium">Scan</th>
                <th className="px-3 py-2 font-medium">Manifest SHA-256</th>
                <th className="px-5 py-2 font-medium">Follows</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-(--border)">
              {exports.map((e) => (
                <tr key={e.id}>
                  <td className="px-5 py-2 whitespace-nowrap">{formatDateTime(e.createdAt)}</td>
                  <td className="px-3 py-2">{e.createdBy}</td>
                  <td className="px-3 py-2">{e.framework}</td>
                  <td className="px-3 py-2 font-mono text-xs" title={e.scanId}>
                    {e.scanId.slice(0, 8)}
                  </td>
                  <td className="px-3 py-2">
                    <span className="flex items-center gap-2">
                      <code className="font-mono text-xs" title={e.manifestSha256}>
                        {short(e.manifestSha256)}
                      </code>
                      <CopyButton
                        text={e.manifestSha256}
                        what={`manifest SHA-256 of the ${formatDateTime(e.createdAt)} export`}
                      />
                    </span>
                  </td>
                  <td className="px-5 py-2 font-mono text-xs text-(--muted)" title={e.previousManifestSha256 ?? undefined}>
                    {e.previousManifestSha256 ? (
                      <span className="inline-flex items-center gap-1">
                        <Link2 aria-hidden className="size-3.5" />
                        {short(e.previousManifestSha256)}
                      </span>
                    ) : (
                      "first export"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
