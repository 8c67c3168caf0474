import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createLoader, type SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/session";
import { getComplianceOverview } from "@/server/compliance/service";
import { getDb } from "@/server/db";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { ExportSlot } from "./_components/export-slot";
import { FrameworkCard } from "./_components/framework-card";
import { ScanUnavailable } from "./_components/scan-unavailable";
import { ScopeFilters } from "./_components/scope-filters";
import { ComplianceSkeleton } from "./compliance.skeleton";
import { complianceSearch, scopeSearchParams, toComplianceQuery } from "./search-params";

export const metadata: Metadata = { title: "Compliance" };

const loadSearchParams = createLoader(scopeSearchParams);

async function loadOverview(searchParams: Promise<SearchParams>) {
  const query = toComplianceQuery(loadSearchParams(await searchParams));
  try {
    return { query, overview: await getComplianceOverview(await getDb(), query), unavailable: null };
  } catch (error) {
    // A link to a scan that no longer exists: the page's 404, as for any missing entity.
    if (error instanceof NotFoundError) notFound();
    // A scan still running (or failed): say so instead of the generic error page.
    if (error instanceof ValidationError) return { query, overview: null, unavailable: error.message };
    throw error;
  }
}

async function ComplianceBody({ searchParams, canExport }: { searchParams: Promise<SearchParams>; canExport: boolean }) {
  const { query, overview, unavailable } = await loadOverview(searchParams);
  if (!overview) return <ScanUnavailable message={unavailable} href="/compliance" />;
  const { scan } = overview;
  const scope = complianceSearch({ scan: query.scan, accounts: query.accounts, regions: query.regions });
  const names = new Map(overview.accounts.map((a) => [a.id, a.name]));
  const accountName = (id: string) => names.get(id) ?? id;
  return (
    <>
      <ScopeFilters
        scans={overview.scans}
        scanId={scan?.id ?? null}
        accounts={overview.accounts}
        regions={overview.regions}
        shallow={false}
      >
        {canExport && scan && (
          <ExportSlot
            scanId={scan.id}
            framework="all"
            frameworkLabel="All frameworks"
            accounts={query.accounts}
            regions={query.regions}
          />
        )}
      </ScopeFilters>
      {scan ? (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {overview.frameworks.map((fw) => (
            <FrameworkCard key={fw.id} framework={fw} href={`/compliance/${fw.id}${scope}`} accountName={accountName} />
          ))}
        </div>
      ) : (
        <EmptyState icon={ShieldCheck} title="No completed scan yet" className="rounded-xl border border-(--border) bg-(--card)">
          Compliance status is evaluated from a completed scan&apos;s findings. Run a scan from the overview, then come back.
        </EmptyState>
      )}
    </>
  );
}

export default async function CompliancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("posture:read");
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Each framework's requirements, settled by the scan's checks where a check can settle them and by attestation where only a person can. A requirement passes only when every mapped check passes across the scope."
      />
      <Suspense fallback={<ComplianceSkeleton />}>
        <ComplianceBody searchParams={searchParams} canExport={can(user.role, "reports:export")} />
      </Suspense>
    </>
  );
}
