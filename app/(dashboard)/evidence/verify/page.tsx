import type { Metadata } from "next";
import { ExportHistoryCard } from "@/components/evidence/export-history";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listExports } from "@/server/evidence/chain-store";
import { OfflineHelp } from "./_components/offline-help";
import { VerifyClient } from "./verify-client";

export const metadata: Metadata = { title: "Verify evidence" };

/** Open to every role: verifying reveals nothing the uploader does not already hold. Nothing loads before a drop. */
export default async function VerifyEvidencePage() {
  const user = await requirePagePermission("posture:read");
  // Who exported what is shown to those who may export; verifying itself is open to everyone.
  const history = can(user.role, "reports:export") ? await listExports(await getDb()) : null;
  return (
    <>
      <PageHeader
        title="Verify evidence"
        description="Check that an evidence bundle is exactly what Strata signed: every file's SHA-256, the Ed25519 signature over its manifest, and the chain link to the export before it."
      />
      <VerifyClient offlineHelp={<OfflineHelp />} />
      {history && <ExportHistoryCard history={history} />}
    </>
  );
}
