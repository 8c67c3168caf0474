import { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import { NotFoundError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { inspectSource } from "@/server/sources";

const params = z.object({ accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id") });

/** sts:GetCallerIdentity through the role a scan of this account would assume; audited, as it calls AWS. */
export const POST = route({ permission: "settings:manage", params }, async ({ params, user, request }) => {
  const source = inspectSource();
  // Only accounts in effect: the endpoint must not become a way to probe arbitrary account ids.
  const { accounts } = await source.describe(request.signal);
  if (!accounts.some((a) => a.accountId === params.accountId)) throw new NotFoundError("Account");
  const result = await source.testConnection(params.accountId, request.signal);
  await recordAudit({
    actor: user.email ?? user.id,
    role: user.role,
    action: "source.test_connection",
    target: params.accountId,
    detail: result.ok ? { ok: true, arn: result.arn } : { ok: false, error: result.error, action: result.action },
  });
  return result;
});
