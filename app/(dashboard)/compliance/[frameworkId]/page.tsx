import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createLoader, type SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { can } from "@/lib/auth/roles";
import { FRAMEWORK_IDS, type Framework, type FrameworkId } from "@/lib/schemas/compliance";
import { requirePagePermission } from "@/server/auth/session";
import { getFramework } from "@/server/compliance/frameworks";
import { getFrameworkDetail, getFrameworkTrend } from "@/server/compliance/service";
import { getDb } from "@/server/db";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { ScanUnavailable } from "../_components/scan-unavailable";
import { complianceKeys } from "../queries";
import { complianceSearch, frameworkSearchParams, toComplianceQuery } from "../search-params";
import { FrameworkClient } from "./framework-client";
import { FrameworkSkeleton } from "./framework.skeleton";

type Props = { params: Promise<{ frameworkId: string }>; searchParams: Promise<SearchParams> };

const loadSearchParams = createLoader(frameworkSearchParams);

function findFramework(id: string): Framework | undefined {
  return (FRAMEWORK_IDS as readonly string[]).includes(id) ? getFramework(id as FrameworkId) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const framework = findFramework((await params).frameworkId);
  return { title: framework ? `${framework.name} · Compliance` : "Framework not found" };
}

async function FrameworkBody({
  framework,
  searchParams,
  canExport,
  canAttest,
}: {
  framework: Framework;
  searchParams: Promise<SearchParams>;
  canExport: boolean;
  canAttest: boolean;
}) {
  const query = toComplianceQuery(loadSearchParams(await searchParams));
  const scope = { accounts: query.accounts, regions: query.regions };
  const db = await getDb();
  const queryClient = new QueryClient();
  try {
    // Same keys as the client's useQuery: the first answer arrives with the HTML, no request after hydration.
    const [detail, trend] = await Promise.all([
      getFrameworkDetail(db, framework.id, query),
      getFrameworkTrend(db, framework.id, scope),
    ]);
    queryClient.setQueryData(complianceKeys.detail(framework.id, query), detail);
    queryClient.setQueryData(complianceKeys.trend(framework.id, scope), trend);
  } catch (error) {
    // A link to a scan that no longer exists.
    if (error instanceof NotFoundError) notFound();
    // A scan still running (or failed): say so instead of the generic error page.
    if (error instanceof ValidationError) return <ScanUnavailable message={error.message} href={`/compliance/${framework.id}`} />;
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FrameworkClient frameworkId={framework.id} canExport={canExport} canAttest={canAttest} />
    </HydrationBoundary>
  );
}

export default async function FrameworkPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("posture:read");
  const framework = findFramework((await params).frameworkId);
  if (!framework) notFound();
  const query = toComplianceQuery(loadSearchParams(await searchParams));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4">
        <ol className="flex items-center gap-1 text-xs text-(--muted)">
          <li>
            <Link href={`/compliance${complianceSearch(query)}`} className="rounded hover:text-(--foreground) hover:underline">
              Compliance
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3" />
          </li>
          <li aria-current="page" className="truncate">
            {framework.name}
          </li>
        </ol>
      </nav>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-balance">{framework.name}</h1>
        <p className="mt-1 text-sm text-(--muted)">
          {framework.version} · {framework.requirements.length} requirements
        </p>
      </header>
      <Suspense fallback={<FrameworkSkeleton />}>
        <FrameworkBody
          framework={framework}
          searchParams={searchParams}
          canExport={can(user.role, "reports:export")}
          canAttest={can(user.role, "compliance:attest")}
        />
      </Suspense>
    </>
  );
}
