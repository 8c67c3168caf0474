import "server-only";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import { Pool } from "pg";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type DbConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function createDb(config: DbConfig): Kysely<Database> {
  if (config.kind === "postgres") {
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: config.url, max: 10 }) }) });
  }
  if (config.file !== ":memory:") mkdirSync(join(config.file, ".."), { recursive: true });
  const sqlite = new SQLite(config.file);
  // WAL lets the UI read while a scan writes; NORMAL sync is safe with WAL and much faster.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: "strata_migrations",
    migrationLockTableName: "strata_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${reason}`);
  }
}
