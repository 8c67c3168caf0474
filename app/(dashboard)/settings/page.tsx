import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/session";
import { AuditLog } from "./_components/audit-log";
import { ConfigCard } from "./_components/config-card";
import { RecentScans } from "./_components/recent-scans";
import { TableCardSkeleton } from "./settings.skeleton";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePagePermission("settings:manage");
  return (
    <>
      <PageHeader title="Settings" description="The configuration in effect, recent scans and the dashboard's audit log." />
      <div className="space-y-4">
        <ConfigCard />
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
