import { ArrowUpRight, ChevronRight, Filter } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatDateTime } from "@/components/posture/format";
import { STATUS_DESCRIPTION, STATUS_LABEL, STATUS_TONE } from "@/components/posture/labels";
import { SeverityBadge, StatusIcon } from "@/components/posture/status-badge";
import { STATUSES } from "@/lib/schemas/finding";
import { requirePagePermission } from "@/server/auth/session";
import { getCheck } from "@/server/checks/registry";
import { getDb } from "@/server/db";
import { getCheckDetail } from "@/server/posture/checks";
import { loadLatestScan } from "../../../_data/scan";
import { AffectedResources } from "./_components/affected-resources";
import { Remediation } from "./_components/remediation";
import { CheckDetailSkeleton } from "./check-detail.skeleton";

type Props = { params: Promise<{ checkId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const check = getCheck((await params).checkId);
  return { title: check?.title ?? "Check not found" };
}

async function CheckDetailBody({ checkId }: { checkId: string }) {
  const scan = await loadLatestScan();
  const detail = await getCheckDetail(await getDb(), checkId, scan?.id ?? null);
  if (!detail) notFound();
  const total = STATUSES.reduce((n, s) => n + detail.counts[s], 0);
  const frameworks = Object.entries(detail.frameworks).filter(([, ids]) => ids.length > 0);

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card aria-labelledby="why-title">
          <CardHeader id="why-title" title="Why it matters" />
          <p className="px-5 pb-5 text-sm leading-relaxed text-pretty">{detail.rationale}</p>
        </Card>
        <Card aria-labelledby="fix-title">
          <CardHeader id="fix-title" title="Remediation" description="Three ways to fix it; each can be copied" />
          <Remediation remediation={detail.remediation} />
        </Card>
      </div>
      <div className="space-y-4">
        <Card aria-labelledby="results-title">
          <CardHeader
            id="results-title"
            title="Results in the latest scan"
            description={scan ? formatDateTime(scan.finishedAt) : "No scan yet"}
          />
          {total > 0 && (
            <div aria-hidden className="mx-5 mb-3 flex h-2 overflow-hidden rounded-full">
              {STATUSES.filter((s) => detail.counts[s] > 0).map((s) => (
                <span
                  key={s}
                  className={cn("h-full", STATUS_TONE[s].text, "bg-current")}
                  style={{ width: `${(detail.counts[s] / total) * 100}%` }}
                />
              ))}
            </div>
          )}
          <ul className="px-2 pb-2">
            {STATUSES.map((s) => (
              <li key={s}>
                <Link
                  href={`/posture?check=${detail.id}&status=${s}`}
                  className="flex items-center gap-2.5 rounded-lg px-3 py-1.5 text-sm transition-colors hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]"
                >
                  <StatusIcon status={s} />
                  <span className="flex-1">
                    {STATUS_LABEL[s]}
                    <span className="sr-only">: {STATUS_DESCRIPTION[s]}</span>
                  </span>
                  <span className="font-semibold tabular-nums">{formatCount(detail.counts[s])}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card aria-labelledby="refs-title">
          <CardHeader id="refs-title" title="References" />
          <ul className="space-y-1 px-5 pb-4">
            {detail.references.map((url) => (
              <li key={url}>
                <a
                  href={url}
                  target="_blank"
                  rel="noreferrer"
                  className="group inline-flex max-w-full items-start gap-1 text-sm break-all text-(--accent) hover:underline"
                >
                  {url.replace(/^https?:\/\//, "")}
                  <ArrowUpRight aria-hidden className="mt-0.5 size-3.5 shrink-0" />
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
          {frameworks.length > 0 && (
            <div className="border-t border-(--border) px-5 py-4">
              <h3 className="mb-2 text-xs font-medium text-(--muted)">Frameworks</h3>
              <ul className="flex flex-wrap gap-1.5">
                {frameworks.map(([fw, ids]) => (
                  <li key={fw} className="rounded-md border border-(--border) px-1.5 py-0.5 text-[11px]">
                    <span className="font-medium">{fw}</span> <span className="text-(--muted)">{ids.join(", ")}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      </div>
      <Card aria-labelledby="resources-title" className="lg:col-span-3">
        <CardHeader
          id="resources-title"
          title="Affected resources"
          description={`${formatCount(detail.findings.length)} ${detail.findings.length === 1 ? "finding" : "findings"}, failing first`}
          action={
            <Link href={`/posture?check=${detail.id}`} className={buttonClasses("secondary", "sm")}>
              <Filter aria-hidden />
              Open in findings
            </Link>
          }
        />
        {detail.findings.length === 0 ? (
          <EmptyState icon={Filter} title="No findings for this check" className="py-8">
            {scan ? "The latest scan produced no findings for this check." : "Run a scan to evaluate this check."}
          </EmptyState>
        ) : (
          <AffectedResources findings={detail.findings} />
        )}
      </Card>
    </div>
  );
}

export default async function CheckPage({ params }: Props) {
  await requirePagePermission("posture:read");
  const { checkId } = await params;
  const check = getCheck(checkId);
  if (!check) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4">
        <ol className="flex items-center gap-1 text-xs text-(--muted)">
          <li>
            <Link href="/posture/checks" className="rounded hover:text-(--foreground) hover:underline">
              Checks
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3" />
          </li>
          <li aria-current="page" className="truncate font-mono">
            {check.id}
          </li>
        </ol>
      </nav>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-balance">{check.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-xs">
          <SeverityBadge severity={check.severity} />
          <span className="inline-flex h-6 items-center rounded-md border border-(--border) px-2 font-medium">
            {check.category}
          </span>
          <span className="inline-flex h-6 items-center rounded-md border border-(--border) px-2 text-(--muted)">
            {check.scope === "account" ? "Evaluated once per account" : "Evaluated per account and region"}
          </span>
        </div>
      </header>
      <Suspense fallback={<CheckDetailSkeleton />}>
        <CheckDetailBody checkId={check.id} />
      </Suspense>
    </>
  );
}
