import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/session";
import { AuditLog } from "./_components/audit-log";
import { AwsAccountsCard } from "./_components/aws-accounts-card";
import { ConfigCard } from "./_components/config-card";
import { RecentScans } from "./_components/recent-scans";
import { ScanErrorsCard } from "./_components/scan-errors-card";
import { AwsAccountsSkeleton, ScanErrorsSkeleton, TableCardSkeleton } from "./settings.skeleton";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePagePermission("settings:manage");
  return (
    <>
      <PageHeader
        title="Settings"
        description="The AWS accounts Strata reads and what the last scan could not, the configuration, recent scans and the audit log."
      />
      <div className="space-y-4">
        <Suspense fallback={<AwsAccountsSkeleton />}>
          <AwsAccountsCard />
        </Suspense>
        <Suspense fallback={<ScanErrorsSkeleton />}>
          <ScanErrorsCard />
        </Suspense>
        <Suspense fallback={<TableCardSkeleton />}>
          <ConfigCard />
        </Suspense>
        <Suspense fallback={<TableCardSkeleton />}>
          <RecentScans />
        </Suspense>
        <Suspense fallback={<TableCardSkeleton />}>
          <AuditLog user={user} />
        </Suspense>
      </div>
    </>
  );
}
