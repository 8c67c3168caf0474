import { createViewSchema } from "@/lib/schemas/log-detail";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";
import { createView, listViews } from "@/server/logs/explorer/views";

export const GET = route({ permission: "logs:read" }, async ({ user }) => ({ views: await listViews(await getDb(), user) }));

export const POST = route({ permission: "logs:read", body: createViewSchema }, async ({ user, body }) =>
  createView(await getDb(), user, body),
);
