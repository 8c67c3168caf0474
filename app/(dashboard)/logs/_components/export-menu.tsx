"use client";

import { Download } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { JustificationField, JUSTIFICATION_MAX, JUSTIFICATION_MIN } from "@/components/logs/justification-field";
import { formatCount } from "@/components/posture/format";
import type { LogFilter } from "@/lib/schemas/logs";
import { Popover } from "./popover";

type Props = { filter: LogFilter | null; count: number | undefined; canReveal: boolean };

/**
 * Downloads the whole filtered set. A plain GET form, so the browser streams the file to disk
 * (Content-Disposition: attachment) instead of buffering it in a blob.
 */
export function ExportMenu({ filter, count, canReveal }: Props) {
  return (
    <Popover
      label={
        <>
          <Download aria-hidden />
          Export
        </>
      }
      ariaLabel="Export results"
      width="w-80"
    >
      {(close) => <ExportForm filter={filter} count={count} canReveal={canReveal} onDone={close} />}
    </Popover>
  );
}

function ExportForm({ filter, count, canReveal, onDone }: Props & { onDone: () => void }) {
  const [format, setFormat] = useState<"csv" | "jsonl">("csv");
  const [bodies, setBodies] = useState(false);
  const [justification, setJustification] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    const why = justification.trim();
    if (bodies && (why.length < JUSTIFICATION_MIN || why.length > JUSTIFICATION_MAX)) {
      e.preventDefault();
      setError(`Say why the export needs the bodies (${JUSTIFICATION_MIN}–${JUSTIFICATION_MAX} characters).`);
      return;
    }
    // The navigation downloads the file and leaves the page as it is; close the menu after it starts.
    setTimeout(onDone, 0);
  };

  return (
    <form method="get" action="/api/logs/export" onSubmit={submit} noValidate className="space-y-3 p-1">
      <input type="hidden" name="filter" value={filter ? JSON.stringify(filter) : ""} />
      <input type="hidden" name="bodies" value={bodies ? "1" : "0"} />
      <p className="text-xs text-(--muted)">
        Every record matching the current filter{count !== undefined ? ` (${formatCount(count)})` : ""}, not only the rows on
        screen.
      </p>
      <fieldset>
        <legend className="mb-1.5 text-xs font-medium">Format</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {(
            [
              ["csv", "CSV", "Spreadsheets"],
              ["jsonl", "JSON Lines", "One record per line"],
            ] as const
          ).map(([value, label, hint]) => (
            <label
              key={value}
              className="flex cursor-pointer flex-col rounded-lg border border-(--border) px-2.5 py-2 text-sm has-checked:border-(--accent) has-checked:bg-(--accent)/[0.06]"
            >
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name="format"
                  value={value}
                  checked={format === value}
                  onChange={() => setFormat(value)}
                  className="accent-(--accent)"
                />
                {label}
              </span>
              <span className="pl-5 text-[11px] text-(--muted)">{hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {canReveal && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={bodies}
            onChange={(e) => setBodies(e.currentTarget.checked)}
            className="mt-0.5 size-4 accent-(--accent)"
          />
          <span>
            Include prompt and response bodies
            <span className="block text-xs text-(--muted)">Audited like a reveal; asks why.</span>
          </span>
        </label>
      )}
      {canReveal && bodies && (
        <>
          <JustificationField value={justification} onChange={setJustification} error={error} />
          <input type="hidden" name="justification" value={justification.trim()} />
        </>
      )}
      <Button type="submit" variant="primary" className="w-full" disabled={!filter}>
        <Download aria-hidden />
        Download {format === "csv" ? "CSV" : "JSONL"}
      </Button>
    </form>
  );
}
