import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listCheckSummaries } from "@/server/posture/checks";
import { loadLatestScan } from "../../_data/scan";
import { ChecksClient } from "./checks-client";
import { CatalogSkeleton } from "./checks.skeleton";

export const metadata: Metadata = { title: "Checks" };

async function Catalog() {
  const scan = await loadLatestScan();
  const checks = await listCheckSummaries(await getDb(), scan?.id ?? null);
  return <ChecksClient checks={checks} />;
}

export default async function ChecksPage() {
  await requirePagePermission("posture:read");
  const scan = await loadLatestScan();
  return (
    <>
      <PageHeader
        title="Checks"
        description={
          scan
            ? "Every control Strata evaluates, with its results in the latest scan. Select a check for its rationale, affected resources and remediation."
            : "Every control Strata evaluates. Result counts appear after the first scan."
        }
      />
      <Suspense fallback={<CatalogSkeleton />}>
        <Catalog />
      </Suspense>
    </>
  );
}
