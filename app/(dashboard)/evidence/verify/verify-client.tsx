"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2, ShieldCheck } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { verifyBundlesRequest } from "@/components/evidence/verify/request";
import { MAX_VERIFY_FILES, parsePrevious, parseTrustedKeys } from "@/lib/evidence/verify-fields";
import { AdvancedFields } from "./_components/advanced-fields";
import { BundleList, type QueuedFile } from "./_components/bundle-list";
import { DropZone } from "./_components/drop-zone";

// The report's code loads with the first result, keeping the page's first load small.
const VerifyReport = dynamic(() => import("@/components/evidence/verify/verify-report").then((m) => m.VerifyReport));

export function VerifyClient({ offlineHelp }: { offlineHelp: React.ReactNode }) {
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [previous, setPrevious] = useState("");
  const [trustedKeys, setTrustedKeys] = useState("");
  const [errors, setErrors] = useState<{ previous: string | null; trustedKeys: string | null }>({
    previous: null,
    trustedKeys: null,
  });
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const nextId = useRef(0);
  // The names as sent, so the result keeps naming what was verified even if the list changes after.
  const [sentNames, setSentNames] = useState<string[]>([]);
  const verify = useMutation({ mutationKey: ["evidence", "verify"], mutationFn: verifyBundlesRequest });

  const change = (next: QueuedFile[]) => {
    setFiles(next);
    verify.reset();
  };
  const add = (added: File[]) => {
    const room = MAX_VERIFY_FILES - files.length;
    setNotice(
      added.length > room
        ? `At most ${MAX_VERIFY_FILES} bundles can be verified at once; ${added.length - room} of the files were not added. Verify a longer chain with the CLI.`
        : null,
    );
    if (room <= 0) return;
    change([...files, ...added.slice(0, room).map((file) => ({ id: (nextId.current += 1), file }))]);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...files];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    change(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = parsePrevious(previous);
    const t = parseTrustedKeys(trustedKeys);
    setErrors({ previous: p.ok ? null : p.message, trustedKeys: t.ok ? null : t.message });
    if (!p.ok || !t.ok) {
      setAdvancedOpen(true);
      return;
    }
    const form = new FormData();
    for (const { file } of files) form.append("bundle", file, file.name);
    if (previous.trim()) form.append("previous", previous.trim());
    if (trustedKeys.trim()) form.append("trustedKeyId", trustedKeys.trim());
    setSentNames(files.map((f) => f.file.name));
    verify.mutate(form);
  };

  const pending = verify.isPending;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_27rem] xl:items-start">
        <Card aria-labelledby="verify-upload-title">
          <CardHeader
            id="verify-upload-title"
            title="Bundles"
            description="Add the ZIPs exported from Strata. For a chain, order them oldest first: each must name the one before it."
          />
          <form onSubmit={submit} className="space-y-4 px-5 pb-5">
            <DropZone onFiles={add} disabled={pending} />
            {notice && (
              <p role="alert" className="text-sm text-status-fail">
                {notice}
              </p>
            )}
            {files.length > 0 && (
              <BundleList
                files={files}
                disabled={pending}
                onMove={move}
                onRemove={(i) => change(files.filter((_, j) => j !== i))}
              />
            )}
            <AdvancedFields
              open={advancedOpen}
              onToggle={setAdvancedOpen}
              previous={{
                value: previous,
                error: errors.previous,
                onChange: (v) => {
                  setPrevious(v);
                  setErrors((x) => ({ ...x, previous: null }));
                },
              }}
              trustedKeys={{
                value: trustedKeys,
                error: errors.trustedKeys,
                onChange: (v) => {
                  setTrustedKeys(v);
                  setErrors((x) => ({ ...x, trustedKeys: null }));
                },
              }}
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" variant="primary" disabled={files.length === 0 || pending} aria-busy={pending || undefined}>
                {pending ? <Loader2 aria-hidden className="animate-spin" /> : <ShieldCheck aria-hidden />}
                {pending ? "Verifying…" : files.length > 1 ? `Verify ${files.length} bundles and their chain` : "Verify"}
              </Button>
              {files.length > 0 && (
                <Button variant="ghost" disabled={pending} onClick={() => change([])}>
                  Clear
                </Button>
              )}
              {files.length === 0 && <span className="text-xs text-(--muted)">Add at least one bundle.</span>}
            </div>
          </form>
        </Card>
        {offlineHelp}
      </div>

      <section aria-label="Verification result" aria-live="polite" aria-busy={pending}>
        {verify.error && (
          <div role="alert" className="rounded-xl border border-status-fail/30 bg-status-fail/[0.06] px-5 py-4 text-sm">
            <p className="font-medium">The bundles could not be verified</p>
            <p className="mt-1 text-(--muted)">{verify.error.message}</p>
          </div>
        )}
        {verify.data && <VerifyReport report={verify.data} fileNames={sentNames} />}
      </section>
    </div>
  );
}
