import { Filter } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/logs/safe-text";
import { visibleText } from "@/components/logs/escape";
import { formatLatency } from "@/components/logs/format";
import { formatBytes } from "@/lib/format-bytes";
import { formatCount } from "@/components/posture/format";
import type { LogDetail } from "@/lib/schemas/log-detail";
import type { LogsPatch } from "../search-params";

type AddFilter = (patch: LogsPatch) => void;

export function Figures({ detail }: { detail: LogDetail }) {
  const t = detail.tokens;
  const figures = [
    { label: "Latency", value: formatLatency(detail.latencyMs) },
    { label: "Input tokens", value: formatCount(t.input) },
    { label: "Output tokens", value: formatCount(t.output) },
    { label: "Cache read / write", value: `${formatCount(t.cacheRead)} / ${formatCount(t.cacheWrite)}` },
    { label: "Request size", value: formatBytes(detail.bytes.input) },
    { label: "Response size", value: formatBytes(detail.bytes.output) },
  ];
  return (
    <dl className="grid grid-cols-3 gap-px overflow-hidden rounded-lg border border-(--border) bg-(--border)">
      {figures.map((f) => (
        <div key={f.label} className="bg-(--card) px-3 py-2">
          <dt className="text-[11px] text-(--muted)">{f.label}</dt>
          <dd className="mt-0.5 text-sm font-semibold tabular-nums">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FilterButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={label}
      className="grid size-6 shrink-0 place-items-center rounded text-(--muted) opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 hover:bg-slate-900/[0.06] hover:text-(--foreground) focus-visible:opacity-100 dark:hover:bg-white/[0.08]"
    >
      <Filter aria-hidden className="size-3" />
      <span className="sr-only">{label}</span>
    </button>
  );
}

type Field = { label: string; value: string | null; mono?: boolean; filter?: LogsPatch };

/** Who, where and what; values with a filter button add themselves to the explorer's filter. */
export function RequestFields({ detail, onFilter }: { detail: LogDetail; onFilter: AddFilter }) {
  const p = detail.principal;
  const add = (key: "account" | "region" | "model" | "op" | "principal" | "role", v: string | null) =>
    v ? { [key]: [v] } : undefined;
  const fields: Field[] = [
    { label: "Request ID", value: detail.id, mono: true },
    { label: "Time", value: detail.timestamp, mono: true },
    { label: "Account", value: detail.accountId, mono: true, filter: add("account", detail.accountId) },
    { label: "Region", value: detail.region, mono: true, filter: add("region", detail.region) },
    {
      label: "Inference Region",
      value: detail.inferenceRegion ? `${detail.inferenceRegion}${detail.crossRegion ? " (cross-Region)" : ""}` : null,
      mono: true,
    },
    { label: "Operation", value: detail.operation, mono: true, filter: add("op", detail.operation) },
    { label: "Model", value: detail.modelId, mono: true, filter: add("model", detail.modelId) },
    { label: "Principal type", value: p.type },
    { label: "Principal ARN", value: p.arn, mono: true, filter: add("principal", p.arn) },
    { label: "Role", value: p.role, mono: true, filter: add("role", p.role) },
    { label: "Session", value: p.session, mono: true },
  ];
  return (
    <dl className="grid grid-cols-[8.5rem_minmax(0,1fr)] gap-x-3 text-sm">
      {fields.map((f) => (
        <div
          key={f.label}
          className="group col-span-2 grid grid-cols-subgrid items-start border-b border-(--border)/60 py-1.5 last:border-0"
        >
          <dt className="pt-0.5 text-xs text-(--muted)">{f.label}</dt>
          <dd className="flex min-w-0 items-start gap-1">
            {f.value === null ? (
              <span className="text-(--muted)">–</span>
            ) : (
              <span className={f.mono ? "min-w-0 font-mono text-xs leading-5 break-all" : "min-w-0"}>
                <SafeText text={f.value} limit={2000} />
              </span>
            )}
            {f.filter && (
              <FilterButton label={`Filter on this ${f.label.toLowerCase()}`} onClick={() => f.filter && onFilter(f.filter)} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function MetadataTable({
  metadata,
  onFilter,
  current,
}: {
  metadata: Record<string, string>;
  onFilter: AddFilter;
  current: string[];
}) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <p className="text-sm text-(--muted)">No request metadata on this call.</p>;
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">Request metadata</caption>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k} className="group border-b border-(--border)/60 align-top last:border-0">
            <th scope="row" className="w-[8.5rem] py-1.5 pr-3 text-left font-mono font-normal break-all text-(--muted)">
              {visibleText(k)}
            </th>
            <td className="py-1.5 font-mono break-all">
              <span className="flex items-start gap-1">
                <span className="min-w-0 flex-1">
                  <SafeText text={v} limit={2000} />
                </span>
                {/^[A-Za-z0-9_.:-]{1,128}$/.test(k) && v.length <= 256 && (
                  <FilterButton
                    label={`Filter on ${visibleText(k)} = ${visibleText(v)}`}
                    onClick={() => onFilter({ meta: [...new Set([...current, `${k}=${v}`])] })}
                  />
                )}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function S3Paths({ paths }: { paths: LogDetail["bodyS3Paths"] }) {
  const rows = [
    ["Request body", paths.input],
    ["Response body", paths.output],
  ] as const;
  if (!paths.input && !paths.output) return null;
  return (
    <div className="mb-3 space-y-1.5 rounded-lg border border-(--border) p-3">
      <p className="text-xs text-(--muted)">Large bodies were delivered to Amazon S3 instead of the log:</p>
      {rows.map(([label, path]) =>
        path ? (
          <div key={label} className="flex items-center gap-2">
            <span className="w-28 shrink-0 text-xs text-(--muted)">{label}</span>
            <code className="min-w-0 flex-1 truncate font-mono text-xs" title={visibleText(path)}>
              {visibleText(path)}
            </code>
            <CopyButton text={path} what={`${label} S3 path`} />
          </div>
        ) : null,
      )}
    </div>
  );
}
