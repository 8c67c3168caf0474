import { createColumnHelper } from "@tanstack/react-table";
import { ActorLabel } from "@/components/activity/actor-label";
import { formatEventTime, shortService } from "@/components/activity/format";
import { ErrorCode } from "@/components/logs/error-code";
import { visibleText } from "@/components/logs/escape";
import type { ActivityEventSummary } from "@/lib/schemas/activity-api";

const column = createColumnHelper<ActivityEventSummary>();
const dash = <span className="text-(--muted)">–</span>;

/** Every value here comes from CloudTrail (attacker-influenced): React text only, escaped, full text on hover. */
function Cell({ text, mono }: { text: string | null; mono?: boolean }) {
  if (!text) return dash;
  const shown = visibleText(text);
  return (
    <span title={shown} className={mono ? "block truncate font-mono text-xs" : "block truncate"}>
      {shown}
    </span>
  );
}

/** The time column is rendered by the table itself (it is the row's open button). */
export const COLUMNS = [
  column.accessor("time", { id: "time", header: "Time (UTC)", cell: (c) => formatEventTime(c.getValue()) }),
  column.accessor("name", {
    id: "name",
    header: "Event",
    cell: (c) => (
      <span className="flex min-w-0 items-center gap-1.5">
        <Cell text={c.getValue()} />
        {c.row.original.parseError && (
          <span
            title="This event's JSON could not be read"
            className="shrink-0 rounded bg-amber-500/15 px-1 text-[10px] font-medium text-amber-800 dark:text-amber-300"
          >
            unparsed
          </span>
        )}
      </span>
    ),
  }),
  // Before the wide columns: on a laptop the table scrolls sideways, and failures must stay in view.
  column.accessor("errorCode", { id: "error", header: "Error", cell: (c) => <ErrorCode code={c.getValue()} /> }),
  column.accessor("source", { id: "source", header: "Service", cell: (c) => <Cell text={shortService(c.getValue())} /> }),
  column.accessor("accountId", {
    id: "where",
    header: "Account / Region",
    cell: (c) => (
      <span className="block leading-tight">
        <Cell text={c.getValue()} mono />
        <span className="text-(--muted)">
          <Cell text={c.row.original.region} mono />
        </span>
      </span>
    ),
  }),
  column.accessor("actor", {
    id: "actor",
    header: "Actor",
    cell: (c) => <ActorLabel actor={c.getValue()} stacked />,
  }),
  column.accessor("sourceIp", { id: "ip", header: "Source IP", cell: (c) => <Cell text={c.getValue()} mono /> }),
  column.accessor("userAgent", { id: "agent", header: "User agent", cell: (c) => <Cell text={c.getValue()} mono /> }),
];

/** Fixed widths so the table keeps its shape as pages load; the actor takes the rest. */
export const COLUMN_WIDTH: Record<string, string> = {
  time: "w-[7.5rem]",
  name: "w-[13rem]",
  source: "w-[5.5rem]",
  where: "w-[7.75rem]",
  actor: "",
  ip: "w-[8.5rem]",
  agent: "w-[9rem]",
  error: "w-[8rem]",
};
