import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/session";
import { ActivityClient } from "./activity-client";
import { ActivitySkeleton } from "./activity.skeleton";

export const metadata: Metadata = { title: "Activity" };

/**
 * No server prefetch, as on /logs: a relative range ends at the browser's "now", and CloudTrail's
 * first page can take seconds per account and Region; each panel has its own skeleton instead.
 */
export default async function ActivityPage() {
  const user = await requirePagePermission("activity:read");
  return (
    <>
      <PageHeader
        title="Activity"
        description="Bedrock control-plane calls from CloudTrail: who changed logging, guardrails, keys and model access, and the risky patterns Strata found in them."
      />
      {/* The client reads the URL (nuqs), which needs a Suspense boundary above it. */}
      <Suspense fallback={<ActivitySkeleton />}>
        <ActivityClient canPivotLogs={can(user.role, "logs:read")} />
      </Suspense>
    </>
  );
}
