import { chainReportSchema, type ChainReport } from "@/lib/schemas/evidence";
import { recordAudit } from "@/server/audit/record";
import { verifyChain } from "@/server/evidence/chain";
import { sha256Hex } from "@/server/evidence/manifest";
import { DEFAULT_VERIFY_LIMITS, verifyBundle, type VerifyOptions } from "@/server/evidence/verify";
import { route } from "@/server/http/route";
import { readVerifyUpload } from "./upload";

/**
 * Verifies uploaded evidence bundles, in chain order, as `strata verify` does. Every role may: it
 * reveals nothing the uploader does not already hold. A bundle that fails is a result (200, ok
 * false, the failing checks named), not an error; only a malformed request is.
 */
export const POST = route({ permission: "posture:read" }, async ({ user, request }) => {
  const upload = await readVerifyUpload(request, DEFAULT_VERIFY_LIMITS);
  const options: VerifyOptions = {
    ...(upload.previous !== undefined ? { expectedPreviousManifestSha256: upload.previous } : {}),
    ...(upload.trustedKeyIds ? { trustedKeyIds: upload.trustedKeyIds } : {}),
  };
  const [first] = upload.bundles;
  const report: ChainReport =
    first && upload.bundles.length === 1
      ? await verifyBundle(first.bytes, { ...options, name: first.name }).then((b) => ({ ok: b.ok, bundles: [b], links: [] }))
      : await verifyChain(
          upload.bundles.map((b) => b.bytes),
          { ...options, names: upload.bundles.map((b) => b.name) },
        );
  await recordAudit({
    actor: user.email ?? user.id,
    role: user.role,
    action: "evidence.verify",
    target: upload.bundles
      .map((b) => b.name)
      .join(", ")
      .slice(0, 500),
    detail: {
      ok: report.ok,
      files: upload.bundles.map((b) => ({ name: b.name, bytes: b.bytes.length, sha256: sha256Hex(b.bytes) })),
      ...(upload.previous !== undefined ? { previous: upload.previous } : {}),
      ...(upload.trustedKeyIds ? { trustedKeyIds: upload.trustedKeyIds } : {}),
    },
  });
  return chainReportSchema.parse(report);
});
