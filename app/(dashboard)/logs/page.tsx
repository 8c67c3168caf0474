import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/session";
import { LogsClient } from "./logs-client";
import { LogsSkeleton } from "./logs.skeleton";

export const metadata: Metadata = { title: "Invocations" };

/**
 * No server prefetch here, unlike /posture: a relative range ends at the browser's "now", so the
 * server could not compute the client's query key; every panel has its own skeleton instead.
 */
export default async function LogsPage() {
  const user = await requirePagePermission("logs:read");
  const canReveal = can(user.role, "logs:reveal");
  return (
    <>
      <PageHeader
        title="Invocations"
        description={
          canReveal
            ? "Every Bedrock model invocation: who called which model, what the guardrails did, and what it cost. Bodies stay redacted until you reveal them with a reason."
            : "Every Bedrock model invocation: who called which model, what the guardrails did, and what it cost. Prompt and response bodies stay redacted for your role."
        }
      />
      {/* The client reads the URL (nuqs), which needs a Suspense boundary above it. */}
      <Suspense fallback={<LogsSkeleton />}>
        <LogsClient canReveal={canReveal} />
      </Suspense>
    </>
  );
}
