"use client";

import { useMutation } from "@tanstack/react-query";
import { Eye, EyeOff, Lock } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { JustificationField, JUSTIFICATION_MAX, JUSTIFICATION_MIN } from "@/components/logs/justification-field";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { TextBlock } from "@/components/logs/safe-text";
import { revealLogRecord } from "@/hooks/use-logs";
import { ApiError } from "@/lib/api/fetcher";
import type { LogDetail } from "@/lib/schemas/log-detail";

type Revealed = Extract<LogDetail["bodies"], { redacted: false }>;

function pretty(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

function RevealDialog({
  id,
  open,
  onClose,
  onRevealed,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (d: LogDetail) => void;
}) {
  const [justification, setJustification] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: (why: string) => revealLogRecord(id, why),
    onSuccess: (detail) => {
      setJustification("");
      onRevealed(detail);
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : "The reveal failed."),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = justification.trim();
    if (why.length < JUSTIFICATION_MIN)
      return setError(`Say why you need to see this record (at least ${JUSTIFICATION_MIN} characters).`);
    if (why.length > JUSTIFICATION_MAX) return setError(`Keep the justification under ${JUSTIFICATION_MAX} characters.`);
    setError(null);
    reveal.mutate(why);
  };
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Reveal prompt and response"
      description="The bodies may hold personal data or secrets. Your name, the time, this record and your justification are written to the audit log."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <JustificationField value={justification} onChange={setJustification} error={error} autoFocus />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={reveal.isPending}>
            <Eye aria-hidden />
            {reveal.isPending ? "Revealing…" : "Reveal"}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

function RevealedBodies({ bodies, onHide }: { bodies: Revealed; onHide: () => void }) {
  const tabs = [
    { id: "prompt", label: "Prompt", panel: <TextBlock label="Prompt text" text={bodies.promptText} prose /> },
    {
      id: "response",
      label: "Response",
      panel: <TextBlock label="Response text" text={bodies.responseText} prose />,
    },
    { id: "request", label: "Request JSON", panel: <TextBlock label="Request JSON" text={pretty(bodies.input)} /> },
    {
      id: "response-json",
      label: "Response JSON",
      panel: <TextBlock label="Response JSON" text={pretty(bodies.output)} />,
    },
  ];
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-3">
        <p className="flex items-center gap-1.5 text-xs text-amber-700 dark:text-amber-300">
          <Eye aria-hidden className="size-3.5" />
          Revealed for you; this view was audited.
        </p>
        <Button size="sm" variant="ghost" onClick={onHide}>
          <EyeOff aria-hidden />
          Hide
        </Button>
      </div>
      <Tabs label="Bodies" tabs={tabs} className="[&_[role=tablist]]:mb-2 [&_[role=tablist]]:px-1" />
    </div>
  );
}

type Props = { detail: LogDetail; revealed: LogDetail | null; onRevealed: (d: LogDetail) => void; onHide: () => void };

/** Redacted by default; a reveal (for logs:reveal holders) asks why and shows the bodies for this record only. */
export function BodiesPanel({ detail, revealed, onRevealed, onHide }: Props) {
  const [asking, setAsking] = useState(false);
  const bodies = revealed?.bodies ?? detail.bodies;
  if (!bodies.redacted) return <RevealedBodies bodies={bodies} onHide={onHide} />;
  return (
    <div className="rounded-lg border border-dashed border-(--border) bg-slate-50/60 p-4 dark:bg-white/[0.02]">
      <div className="flex items-start gap-3">
        <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-slate-900/[0.05] dark:bg-white/[0.07]">
          <Lock aria-hidden className="size-4 text-(--muted)" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">Prompt and response are redacted</p>
          <p className="mt-0.5 text-xs text-(--muted)">
            {detail.canReveal
              ? bodies.reason
              : `${bodies.reason} Your role can read the metadata of this record, not its bodies.`}
          </p>
          {/* Placeholder lines stand for the hidden text, so the panel reads as "something is here". */}
          <div aria-hidden className="mt-3 space-y-1.5">
            {["w-11/12", "w-9/12", "w-10/12"].map((w) => (
              <div key={w} className={`h-2 rounded-full bg-slate-900/[0.06] dark:bg-white/[0.06] ${w}`} />
            ))}
          </div>
        </div>
        {detail.canReveal && (
          <Button size="sm" variant="primary" onClick={() => setAsking(true)}>
            <Eye aria-hidden />
            Reveal
          </Button>
        )}
      </div>
      {detail.canReveal && <RevealDialog id={detail.id} open={asking} onClose={() => setAsking(false)} onRevealed={onRevealed} />}
    </div>
  );
}
