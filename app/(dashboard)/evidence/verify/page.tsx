import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/session";
import { OfflineHelp } from "./_components/offline-help";
import { VerifyClient } from "./verify-client";

export const metadata: Metadata = { title: "Verify evidence" };

/** Open to every role: verifying reveals nothing the uploader does not already hold. Nothing loads before a drop. */
export default async function VerifyEvidencePage() {
  await requirePagePermission("posture:read");
  return (
    <>
      <PageHeader
        title="Verify evidence"
        description="Check that an evidence bundle is exactly what Strata signed: every file's SHA-256, the Ed25519 signature over its manifest, and the chain link to the export before it."
      />
      <VerifyClient offlineHelp={<OfflineHelp />} />
    </>
  );
}
