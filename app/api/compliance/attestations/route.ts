import { NextResponse } from "next/server";
import { recordAudit } from "@/server/audit/record";
import { attestFromRequest } from "@/server/compliance/attestation-upload";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

/** An attestation for a MANUAL requirement (multipart: scanId, frameworkId, requirementId, text, optional file). */
export const POST = route({ permission: "compliance:attest" }, async ({ user, request }) => {
  const attestation = await attestFromRequest(await getDb(), user, request);
  await recordAudit({
    actor: user.email ?? user.id,
    role: user.role,
    action: "compliance.attest",
    target: `${attestation.frameworkId} ${attestation.requirementId}`,
    detail: {
      attestationId: attestation.id,
      scanId: attestation.scanId,
      ...(attestation.attachmentName !== undefined && {
        attachment: { name: attestation.attachmentName, sha256: attestation.attachmentSha256 },
      }),
    },
  });
  return NextResponse.json(attestation, { status: 201 });
});
