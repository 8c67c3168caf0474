import "server-only";
import { sql, type Kysely } from "kysely";

/**
 * Saved explorer views can be shared with everyone who may read the page. The owner's display
 * name is kept with the view so a shared list reads "Ana Analyst", not an OIDC subject.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("saved_views")
    .addColumn("shared", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("saved_views")
    .addColumn("owner_name", "text", (c) => c.notNull().defaultTo(sql`''`))
    .execute();
  await db.schema.createIndex("saved_views_page_owner").on("saved_views").columns(["page", "owner"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("saved_views_page_owner").execute();
  await db.schema.alterTable("saved_views").dropColumn("owner_name").execute();
  await db.schema.alterTable("saved_views").dropColumn("shared").execute();
}
