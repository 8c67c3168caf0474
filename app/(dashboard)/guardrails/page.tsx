import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/session";
import { logStoreKind } from "@/server/logs";
import { GuardrailsClient } from "./guardrails-client";
import { GuardrailsSkeleton } from "./guardrails.skeleton";

export const metadata: Metadata = { title: "Guardrails" };

/**
 * Open to every role: the metrics and inventory carry no record content. The log-based trends need
 * logs:read, checked again by their API. No server prefetch, as on /logs: a relative range ends at
 * the browser's "now".
 */
export default async function GuardrailsPage() {
  const user = await requirePagePermission("posture:read");
  return (
    <>
      <PageHeader
        title="Guardrails"
        description="How often Bedrock guardrails intervene, on what, for whom, and how each guardrail is configured."
      />
      {/* The client reads the URL (nuqs), which needs a Suspense boundary above it. */}
      <Suspense fallback={<GuardrailsSkeleton />}>
        <GuardrailsClient canReadLogs={can(user.role, "logs:read")} storeKind={logStoreKind()} />
      </Suspense>
    </>
  );
}
