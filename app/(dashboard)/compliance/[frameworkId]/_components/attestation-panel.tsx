"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download, Paperclip } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/components/posture/format";
import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/lib/api/fetcher";
import type { StoredAttestationDto } from "@/lib/schemas/compliance-api";
import { complianceKeys } from "../../queries";

/** The server's cap (MAX_ATTACHMENT_BYTES); checked here too so nobody uploads 50 MB to be told no. */
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_TEXT = 10_000;

function Stored({ attestation, canDownload }: { attestation: StoredAttestationDto; canDownload: boolean }) {
  return (
    <figure className="rounded-lg border border-teal-600/30 bg-teal-600/5 p-3">
      <blockquote className="text-sm whitespace-pre-wrap">{attestation.text}</blockquote>
      <figcaption className="mt-2 text-xs text-(--muted)">
        Attested by <span className="font-medium text-(--foreground)">{attestation.by}</span> on {formatDateTime(attestation.at)}
      </figcaption>
      {attestation.attachmentName && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-xs">
          <Paperclip aria-hidden className="size-3.5 text-(--muted)" />
          <span className="font-medium break-all">{attestation.attachmentName}</span>
          {attestation.attachmentSha256 && (
            <span className="font-mono text-[11px] text-(--muted)" title={`SHA-256 ${attestation.attachmentSha256}`}>
              sha256 {attestation.attachmentSha256.slice(0, 12)}…
            </span>
          )}
          {canDownload ? (
            <a
              href={`/api/compliance/attestations/${encodeURIComponent(attestation.id)}/attachment`}
              download
              className="inline-flex items-center gap-1 font-medium text-(--accent) hover:underline"
            >
              <Download aria-hidden className="size-3.5" /> Download
              <span className="sr-only"> {attestation.attachmentName}</span>
            </a>
          ) : (
            <span className="text-(--muted)">(downloading needs the reports:export permission)</span>
          )}
        </p>
      )}
    </figure>
  );
}

type FormProps = { scanId: string; frameworkId: string; requirementId: string; again: boolean };

function AttestForm({ scanId, frameworkId, requirementId, again }: FormProps) {
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_BYTES) {
      setError("The attachment is larger than 5 MB.");
      return;
    }
    data.set("scanId", scanId);
    data.set("frameworkId", frameworkId);
    data.set("requirementId", requirementId);
    setBusy(true);
    setError(null);
    try {
      const { storedAttestationSchema } = await import("@/lib/schemas/compliance-api");
      await fetchJson("/api/compliance/attestations", storedAttestationSchema, { method: "POST", body: data });
      toast.success(`${requirementId} attested`);
      setText("");
      await queryClient.invalidateQueries({ queryKey: [...complianceKeys.all, frameworkId] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The attestation could not be saved.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label={again ? "Attest again" : "Attest"}>
      <div>
        <label htmlFor={`${id}-text`} className="mb-1 block text-xs font-medium">
          Statement
        </label>
        <textarea
          id={`${id}-text`}
          name="text"
          required
          maxLength={MAX_TEXT}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="What was reviewed, by whom, and where the record is kept."
          className="w-full rounded-lg border border-(--border) bg-(--background) px-3 py-2 text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${id}-file`} className="mb-1 block text-xs font-medium">
          Attachment <span className="font-normal text-(--muted)">(optional, up to 5 MB)</span>
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          className="block w-full text-xs file:mr-3 file:rounded-md file:border file:border-(--border) file:bg-(--card) file:px-2 file:py-1 file:text-xs"
        />
      </div>
      {error && (
        <p role="alert" className="text-xs text-status-fail">
          {error}
        </p>
      )}
      <p className="text-[11px] text-(--muted)">
        Recorded under your name with the current time, against this scan, and written to the audit log.
      </p>
      <Button type="submit" variant="primary" size="sm" disabled={busy || text.trim() === ""}>
        {busy ? "Saving…" : again ? "Attest again" : "Attest"}
      </Button>
    </form>
  );
}

type Props = {
  attestation: StoredAttestationDto | undefined;
  scanId: string | null;
  frameworkId: string;
  requirementId: string;
  canAttest: boolean;
  canDownload: boolean;
};

/** A MANUAL requirement's statement: the newest attestation for this scan, and the form for those who may attest. */
export function AttestationPanel({ attestation, scanId, frameworkId, requirementId, canAttest, canDownload }: Props) {
  return (
    <div className="space-y-4">
      {attestation ? (
        <Stored attestation={attestation} canDownload={canDownload} />
      ) : (
        <p className="text-sm text-(--muted)">
          No attestation for this scan yet. {canAttest ? "" : "An administrator can record one."}
        </p>
      )}
      {canAttest && scanId && (
        <AttestForm scanId={scanId} frameworkId={frameworkId} requirementId={requirementId} again={attestation !== undefined} />
      )}
    </div>
  );
}
