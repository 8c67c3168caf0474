import "server-only";
import { sql, type Kysely } from "kysely";

/**
 * At most one scan may be queued or running, enforced by the database so that two instances (or
 * the UI and the scheduler) cannot both start one. The constant expression makes every active row
 * collide with every other; finished rows are outside the partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Before this index, a race could leave two active rows; keep the newest so the index can be built.
  await sql`
    update scans
    set status = 'failed',
        error = 'Another scan was running at the same time; only the newest was kept.',
        finished_at = coalesce(heartbeat_at, created_at)
    where status in ('queued', 'running')
      and id <> (
        select id from scans where status in ('queued', 'running') order by created_at desc, id desc limit 1
      )
  `.execute(db);
  await sql`create unique index scans_one_active on scans ((1)) where status in ('queued', 'running')`.execute(db);
  await db.schema.createIndex("scans_requested_by_created_at").on("scans").columns(["requested_by", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("scans_requested_by_created_at").execute();
  await db.schema.dropIndex("scans_one_active").execute();
}
