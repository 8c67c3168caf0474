import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { createLoader, type SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { findingsKeys } from "@/lib/queries/findings";
import { findingsQuerySchema } from "@/lib/schemas/posture";
import { requirePagePermission } from "@/server/auth/session";
import { CHECKS } from "@/server/checks/registry";
import { getDb } from "@/server/db";
import { accountNames, scanRegions } from "@/server/posture/accounts";
import { listFindings } from "@/server/posture/findings";
import { loadLatestScan } from "../_data/scan";
import { formatDateTime } from "@/components/posture/format";
import { FindingsClient } from "./findings-client";
import { FindingsSkeleton } from "./findings.skeleton";
import { findingsSearchParams, toFindingsQuery } from "./search-params";

export const metadata: Metadata = { title: "Posture" };

const loadSearchParams = createLoader(findingsSearchParams);

async function FindingsSection({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The same validation /api/findings applies, so the prefetched page is exactly what the API would answer.
  const query = findingsQuerySchema.parse(toFindingsQuery(loadSearchParams(await searchParams)));
  const db = await getDb();
  const scan = await loadLatestScan();
  const queryClient = new QueryClient();
  const [, names, regions] = await Promise.all([
    // Same key as the client's useQuery: the first page arrives with the HTML, no request after hydration.
    queryClient.prefetchQuery({ queryKey: findingsKeys.list(query), queryFn: () => listFindings(db, scan?.id ?? null, query) }),
    scan ? accountNames(db, scan.id) : new Map<string, string>(),
    scan ? scanRegions(db, scan.id) : [],
  ]);
  const accounts = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const checkTitles = Object.fromEntries(CHECKS.map((c) => [c.id, c.title]));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FindingsClient accounts={accounts} regions={[...regions, "global"]} checkTitles={checkTitles} />
    </HydrationBoundary>
  );
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("posture:read");
  const scan = await loadLatestScan();
  return (
    <>
      <PageHeader
        title="Posture"
        description={
          scan
            ? `Every finding of the latest scan (${formatDateTime(scan.finishedAt)}): one per check and resource.`
            : "Every finding of the latest scan: one per check and resource."
        }
      />
      <Suspense fallback={<FindingsSkeleton />}>
        <FindingsSection searchParams={searchParams} />
      </Suspense>
    </>
  );
}
