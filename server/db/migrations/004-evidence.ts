import "server-only";
import { sql, type Kysely } from "kysely";

/**
 * Evidence exports form one hash chain shared by every instance: each export names the previous
 * manifest hash, and the unique index on coalesce(previous, '') lets at most one export link to a
 * given hash and at most one start the chain (NULL), so two racing exports cannot fork it.
 * Attestations for MANUAL requirements are kept with the scan they were made against.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("evidence_exports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scan_id", "text", (c) => c.notNull())
    .addColumn("framework", "text", (c) => c.notNull())
    .addColumn("manifest_sha256", "text", (c) => c.notNull().unique())
    .addColumn("previous_manifest_sha256", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .execute();
  await sql`create unique index evidence_exports_one_successor on evidence_exports ((coalesce(previous_manifest_sha256, '')))`.execute(
    db,
  );

  await db.schema
    .createTable("attestations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scan_id", "text", (c) => c.notNull().references("scans.id").onDelete("cascade"))
    .addColumn("framework_id", "text", (c) => c.notNull())
    .addColumn("requirement_id", "text", (c) => c.notNull())
    .addColumn("attested_by", "text", (c) => c.notNull())
    .addColumn("attested_at", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("attachment_name", "text")
    .addColumn("attachment_sha256", "text")
    // bytea is PostgreSQL's binary type; SQLite accepts the name and never converts BLOB values.
    .addColumn("attachment", "bytea")
    .execute();
  await db.schema.createIndex("attestations_scan_framework").on("attestations").columns(["scan_id", "framework_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("attestations").execute();
  await db.schema.dropTable("evidence_exports").execute();
}
