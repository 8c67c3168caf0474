import { createColumnHelper } from "@tanstack/react-table";
import { CrossRegionMark, GuardrailBadge, PolicyBadge } from "@/components/logs/badges";
import { ErrorCode } from "@/components/logs/error-code";
import { visibleText } from "@/components/logs/escape";
import { formatLatency, formatTokens, principalLabel, shortModel } from "@/components/logs/format";
import type { LogSummary } from "@/lib/schemas/logs";
import type { ColumnId } from "../search-params";

const column = createColumnHelper<LogSummary>();

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "28 Nov 20:59:32" (UTC): compact, fixed width, the same on server and client. */
export function formatRowTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const COLUMN_LABEL: Record<ColumnId, string> = {
  time: "Time (UTC)",
  model: "Model",
  operation: "Operation",
  principal: "Principal",
  account: "Account",
  region: "Region",
  guardrail: "Guardrail",
  error: "Error",
  tokens: "Tokens",
  latency: "Latency",
};

/**
 * Fixed widths (the table is virtualised, so a column must not change width as rows scroll in);
 * model and principal have none and share what is left.
 */
export const COLUMN_WIDTH: Record<ColumnId, string> = {
  time: "w-[8rem]",
  model: "",
  operation: "w-[9.5rem]",
  principal: "",
  account: "w-[7.5rem]",
  region: "w-[7.5rem]",
  guardrail: "w-[9.5rem]",
  error: "w-[8rem]",
  tokens: "w-[6.5rem] text-right",
  latency: "w-[4.75rem] text-right",
};

/** rem each column needs at least; the table scrolls sideways below the sum. */
export const COLUMN_MIN_REM: Record<ColumnId, number> = {
  time: 8,
  model: 9.5,
  operation: 9.5,
  principal: 9.5,
  account: 7.5,
  region: 7.5,
  guardrail: 9.5,
  error: 8,
  tokens: 6.5,
  latency: 4.75,
};

const Dash = () => <span className="text-(--muted)">–</span>;

function Mono({ value, className }: { value: string | null; className?: string }) {
  if (!value) return <Dash />;
  const shown = visibleText(value);
  return (
    <span title={shown} className={`block truncate font-mono text-xs ${className ?? ""}`}>
      {shown}
    </span>
  );
}

/** Every column; the time cell's button is added by the table (it opens the row). */
export const LOG_COLUMNS = [
  column.accessor("timestamp", { id: "time", header: COLUMN_LABEL.time }),
  column.accessor("modelId", {
    id: "model",
    header: COLUMN_LABEL.model,
    cell: (c) => {
      const id = c.getValue();
      return id ? (
        <span title={visibleText(id)} className="block truncate font-mono text-xs">
          {visibleText(shortModel(id))}
        </span>
      ) : (
        <Dash />
      );
    },
  }),
  column.accessor("operation", { id: "operation", header: COLUMN_LABEL.operation, cell: (c) => <Mono value={c.getValue()} /> }),
  column.accessor("principal", {
    id: "principal",
    header: COLUMN_LABEL.principal,
    cell: (c) => {
      const p = c.getValue();
      const label = principalLabel(p);
      return (
        <span title={visibleText(p.arn ?? label.name)} className="block truncate text-xs">
          <span className="font-medium">{visibleText(label.name)}</span>
          {label.detail && <span className="text-(--muted)"> · {visibleText(label.detail)}</span>}
        </span>
      );
    },
  }),
  column.accessor("accountId", { id: "account", header: COLUMN_LABEL.account, cell: (c) => <Mono value={c.getValue()} /> }),
  column.accessor("region", {
    id: "region",
    header: COLUMN_LABEL.region,
    cell: (c) => (
      <span className="flex min-w-0 items-center gap-1">
        <Mono value={c.getValue()} className="text-[11px]" />
        {c.row.original.crossRegion && <CrossRegionMark region={c.getValue()} inferenceRegion={c.row.original.inferenceRegion} />}
      </span>
    ),
  }),
  column.accessor("guardrailAction", {
    id: "guardrail",
    header: COLUMN_LABEL.guardrail,
    cell: (c) => {
      const { guardrailPolicyTypes: types, guardrailId, guardrailSide } = c.row.original;
      const [first, ...rest] = types;
      const where = guardrailSide === null ? "" : ` · ${guardrailSide === "both" ? "input and output" : guardrailSide}`;
      return (
        <span
          className="flex min-w-0 items-center gap-1"
          title={guardrailId === null ? undefined : `Guardrail ${visibleText(guardrailId)}${where}`}
        >
          <GuardrailBadge action={c.getValue()} />
          {first && <PolicyBadge type={first} short />}
          {rest.length > 0 && (
            <span className="text-[11px] text-(--muted)" title={rest.join(", ")}>
              +{rest.length}
            </span>
          )}
        </span>
      );
    },
  }),
  column.accessor("errorCode", { id: "error", header: COLUMN_LABEL.error, cell: (c) => <ErrorCode code={c.getValue()} /> }),
  column.accessor("tokens", {
    id: "tokens",
    header: COLUMN_LABEL.tokens,
    cell: (c) => {
      const t = c.getValue();
      return (
        <span className="text-xs whitespace-nowrap tabular-nums" title={`${t.input} input, ${t.output} output tokens`}>
          {formatTokens(t.input)} <span className="text-(--muted)">→</span> {formatTokens(t.output)}
        </span>
      );
    },
  }),
  column.accessor("latencyMs", {
    id: "latency",
    header: COLUMN_LABEL.latency,
    cell: (c) => <span className="text-xs tabular-nums">{formatLatency(c.getValue())}</span>,
  }),
];
