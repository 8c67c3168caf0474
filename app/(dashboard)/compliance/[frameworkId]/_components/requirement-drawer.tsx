"use client";

import { ArrowUpRight, Cloud } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { REQUIREMENT_STATUS_DESCRIPTION, REQUIREMENT_STATUS_LABEL } from "@/components/compliance/labels";
import { RequirementStatusBadge, RequirementStatusIcon } from "@/components/compliance/status-badge";
import { SeverityBadge } from "@/components/posture/status-badge";
import { formatCount } from "@/components/posture/format";
import { DrawerFrame, DrawerSection } from "@/components/ui/drawer";
import type { RequirementStatus } from "@/lib/schemas/compliance";
import type { ComplianceQuery, FrameworkDetail, RequirementResultDto } from "@/lib/schemas/compliance-api";
import { AttestationPanel } from "./attestation-panel";
import { RequirementFindings } from "./requirement-findings";

const TYPING = "input, textarea, select, [contenteditable='true']";

function StatusGrid({ entries, label }: { entries: { key: string; name: string; status: RequirementStatus }[]; label: string }) {
  if (entries.length === 0) return <p className="text-sm text-(--muted)">No findings in this scope.</p>;
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-1 sm:grid-cols-3">
      {entries.map((e) => (
        <li
          key={e.key}
          title={`${e.name}: ${REQUIREMENT_STATUS_LABEL[e.status]}`}
          className="flex min-w-0 items-center gap-1.5 rounded-md border border-(--border) px-2 py-1 text-xs"
        >
          <RequirementStatusIcon status={e.status} className="size-3.5 shrink-0" />
          <span className="truncate">{e.name}</span>
          <span className="sr-only">: {REQUIREMENT_STATUS_LABEL[e.status]}</span>
        </li>
      ))}
    </ul>
  );
}

type Props = {
  detail: FrameworkDetail;
  requirement: RequirementResultDto;
  position: string;
  query: ComplianceQuery;
  canAttest: boolean;
  canDownload: boolean;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
};

/** The drill-down: requirement → mapped checks → findings → evidence, and the attestation of a MANUAL one. */
export default function RequirementDrawer({
  detail,
  requirement: r,
  position,
  query,
  canAttest,
  canDownload,
  onPrev,
  onNext,
  onClose,
}: Props) {
  const panel = useRef<HTMLElement>(null);
  const names = new Map(detail.accounts.map((a) => [a.id, a.name]));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(TYPING)) return;
      if (e.key === "Escape") {
        e.preventDefault();
        onClose();
      } else if (e.key === "j" && onNext) {
        e.preventDefault();
        onNext();
      } else if (e.key === "k" && onPrev) {
        e.preventDefault();
        onPrev();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose, onNext, onPrev]);

  return (
    <DrawerFrame
      panelRef={panel}
      titleId="requirement-title"
      title={
        <>
          <span className="mr-2 font-mono">{r.id}</span>
          {r.title}
        </>
      }
      subtitle={`${detail.name} · requirement ${position}`}
      focusKey={r.id}
      onPrev={onPrev}
      onNext={onNext}
      onClose={onClose}
      labels={{ prev: "Previous requirement (k)", next: "Next requirement (j)", close: "Close requirement (Esc)" }}
      keys={{ prev: "k", next: "j" }}
      width="w-[min(44rem,100vw)]"
    >
      <div className="flex items-start gap-3 px-5 py-4">
        <RequirementStatusBadge status={r.status} />
        <p className="text-sm text-(--muted)">{REQUIREMENT_STATUS_DESCRIPTION[r.status]}.</p>
      </div>

      <DrawerSection title="What the customer must show">
        <p className="text-sm leading-relaxed text-pretty">{r.customerMustShow}</p>
      </DrawerSection>

      {r.awsInherited && (
        <DrawerSection title="Inherited from AWS">
          <p className="flex gap-2 text-sm leading-relaxed">
            <Cloud aria-hidden className="mt-0.5 size-4 shrink-0 text-(--muted)" />
            <span>
              {r.awsInherited.part}
              <span className="mt-1 block text-xs text-(--muted)">{r.awsInherited.scope}</span>
            </span>
          </p>
        </DrawerSection>
      )}

      <DrawerSection title={`Mapped checks (${r.checks.length})`}>
        {r.checks.length === 0 ? (
          <p className="text-sm text-(--muted)">No automated check can settle this requirement: it needs an attestation.</p>
        ) : (
          <ul className="-mx-2 space-y-0.5">
            {r.checks.map((c) => (
              <li key={c.checkId}>
                <Link
                  href={`/posture/checks/${c.checkId}`}
                  prefetch={false}
                  className="group flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]"
                >
                  <RequirementStatusBadge status={c.status} className="w-[6.75rem]" />
                  <span className="min-w-0 flex-1 truncate group-hover:underline">{c.title}</span>
                  {c.severity && <SeverityBadge severity={c.severity} />}
                  <span className="w-16 text-right text-xs text-(--muted) tabular-nums">
                    {formatCount(c.findings)} {c.findings === 1 ? "finding" : "findings"}
                  </span>
                  <ArrowUpRight aria-hidden className="size-3.5 text-(--muted)" />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </DrawerSection>

      {r.manual && (
        <DrawerSection title="Attestation">
          <AttestationPanel
            attestation={r.attestation}
            scanId={detail.scan?.id ?? null}
            frameworkId={detail.id}
            requirementId={r.id}
            canAttest={canAttest}
            canDownload={canDownload}
          />
        </DrawerSection>
      )}

      {r.checks.length > 0 && (
        <>
          <DrawerSection title="By account">
            <StatusGrid
              label="Status per account"
              entries={Object.entries(r.byAccount)
                .map(([key, status]) => ({ key, name: names.get(key) ?? key, status }))
                .sort((a, b) => a.name.localeCompare(b.name))}
            />
          </DrawerSection>
          <DrawerSection title="By region">
            <StatusGrid
              label="Status per region"
              entries={Object.entries(r.byRegion).map(([key, status]) => ({ key, name: key, status }))}
            />
          </DrawerSection>
          <section aria-label="Findings" className="border-t border-(--border) pt-4">
            <h3 className="mb-2.5 px-5 text-xs font-semibold tracking-wide text-(--muted) uppercase">Findings</h3>
            <RequirementFindings frameworkId={detail.id} requirementId={r.id} query={query} />
          </section>
        </>
      )}
    </DrawerFrame>
  );
}
