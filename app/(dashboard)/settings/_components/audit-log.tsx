import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/posture/format";
import type { SessionUser } from "@/server/auth/session";
import { listAuditEvents } from "@/server/audit/list";
import { getDb } from "@/server/db";

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail === "string") return detail;
  const text = JSON.stringify(detail);
  return text === "{}" ? "" : text;
}

export async function AuditLog({ user }: { user: SessionUser }) {
  const events = await listAuditEvents(await getDb(), user, 200);
  return (
    <Card aria-labelledby="audit-title">
      <CardHeader
        id="audit-title"
        title="Audit log"
        description="Who did what in this dashboard: the last 200 events, newest first"
      />
      {events.length === 0 ? (
        <p className="border-t border-(--border) px-5 py-6 text-sm text-(--muted)">No events recorded yet.</p>
      ) : (
        <div className="max-h-[32rem] overflow-auto border-t border-(--border)">
          <table className="w-full min-w-[52rem] text-sm">
            <caption className="sr-only">Audit log</caption>
            <thead className="sticky top-0 z-10 bg-(--card)">
              <tr className="border-b border-(--border) text-left text-xs text-(--muted)">
                <th scope="col" className="h-9 px-3 pl-5 font-medium">
                  Time
                </th>
                <th scope="col" className="px-3 font-medium">
                  Who
                </th>
                <th scope="col" className="px-3 font-medium">
                  Action
                </th>
                <th scope="col" className="px-3 font-medium">
                  Target
                </th>
                <th scope="col" className="px-3 pr-5 font-medium">
                  Detail
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-(--border) align-top last:border-0">
                  <td className="px-3 py-2 pl-5 whitespace-nowrap text-(--muted) tabular-nums">{formatDateTime(e.at)}</td>
                  <td className="px-3 py-2">
                    {e.actor}
                    <span className="block text-xs text-(--muted)">{e.role}</span>
                  </td>
                  <td className="px-3 py-2">
                    <code className="rounded bg-slate-900/[0.05] px-1.5 py-0.5 font-mono text-xs dark:bg-white/[0.07]">
                      {e.action}
                    </code>
                  </td>
                  <td className="max-w-[16rem] truncate px-3 py-2 font-mono text-xs" title={e.target ?? undefined}>
                    {e.target ?? <span className="text-(--muted)">–</span>}
                  </td>
                  <td
                    className="max-w-[20rem] truncate px-3 py-2 pr-5 font-mono text-xs text-(--muted)"
                    title={detailText(e.detail)}
                  >
                    {detailText(e.detail)}
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
