import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { SavedView } from "@/lib/schemas/log-detail";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/http/errors";

/** Views belong to a page; the explorer's are "logs". */
const PAGE = "logs";
const MAX_VIEWS_PER_USER = 100;

type Row = { id: string; owner: string; owner_name: string; name: string; query: string; shared: number; created_at: string };

function toView(row: Row, user: SessionUser): SavedView {
  const shared = row.shared === 1;
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    shared,
    owner: row.owner,
    ownerName: row.owner_name || row.owner,
    createdAt: row.created_at,
    canDelete: row.owner === user.id || (shared && user.role === "admin"),
  };
}

/** The caller's own views, then everyone's shared ones; each list by name. */
export async function listViews(db: Kysely<Database>, user: SessionUser): Promise<SavedView[]> {
  const rows = await db
    .selectFrom("saved_views")
    .select(["id", "owner", "owner_name", "name", "query", "shared", "created_at"])
    .where("page", "=", PAGE)
    .where((eb) => eb.or([eb("owner", "=", user.id), eb("shared", "=", 1)]))
    .orderBy("name")
    .orderBy("id")
    .execute();
  const views = rows.map((r) => toView(r, user));
  return [...views.filter((v) => v.owner === user.id), ...views.filter((v) => v.owner !== user.id)];
}

export async function createView(
  db: Kysely<Database>,
  user: SessionUser,
  input: { name: string; query: string; shared: boolean },
): Promise<SavedView> {
  const mine = await db
    .selectFrom("saved_views")
    .select(["name"])
    .where("page", "=", PAGE)
    .where("owner", "=", user.id)
    .execute();
  if (mine.length >= MAX_VIEWS_PER_USER) throw new ConflictError(`You have ${MAX_VIEWS_PER_USER} saved views; delete one first.`);
  if (mine.some((v) => v.name.toLowerCase() === input.name.toLowerCase())) {
    throw new ConflictError(`You already have a view named "${input.name}".`);
  }
  const row: Row = {
    id: randomUUID(),
    owner: user.id,
    owner_name: user.name,
    name: input.name,
    query: input.query.replace(/^\?/, ""),
    shared: input.shared ? 1 : 0,
    created_at: new Date().toISOString(),
  };
  await db
    .insertInto("saved_views")
    .values({ ...row, page: PAGE })
    .execute();
  return toView(row, user);
}

/** The owner deletes their views; an admin may also remove a shared one (e.g. it leaks a filter). */
export async function deleteView(db: Kysely<Database>, user: SessionUser, id: string): Promise<SavedView> {
  const row = await db
    .selectFrom("saved_views")
    .select(["id", "owner", "owner_name", "name", "query", "shared", "created_at"])
    .where("page", "=", PAGE)
    .where("id", "=", id)
    .executeTakeFirst();
  // Someone else's personal view is reported as missing: its existence is not theirs to learn.
  if (!row || (row.owner !== user.id && row.shared !== 1)) throw new NotFoundError("That saved view");
  const view = toView(row, user);
  if (!view.canDelete) throw new ForbiddenError("logs:read", "Only its owner or an administrator can delete a shared view.");
  await db.deleteFrom("saved_views").where("id", "=", id).execute();
  return view;
}
