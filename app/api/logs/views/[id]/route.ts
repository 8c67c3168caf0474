import { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";
import { deleteView } from "@/server/logs/explorer/views";

const params = z.object({ id: z.uuid("A saved view id is a UUID.") });

export const DELETE = route({ permission: "logs:read", params }, async ({ user, params }) => {
  const view = await deleteView(await getDb(), user, params.id);
  // Removing someone else's shared view is an admin act worth a trace.
  if (view.owner !== user.id) {
    await recordAudit({
      actor: user.email ?? user.id,
      role: user.role,
      action: "logs.view_delete",
      target: view.id,
      detail: { name: view.name, owner: view.owner },
    });
  }
  return { ok: true };
});
