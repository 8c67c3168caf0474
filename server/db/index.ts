import "server-only";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { env } from "@/server/config/env";
import { createDb, migrateToLatest, type DbConfig } from "./connect";
import type { Database } from "./schema";

export type { Database } from "./schema";

function dbConfigFromEnv(): DbConfig {
  const e = env();
  return e.DATABASE_URL
    ? { kind: "postgres", url: e.DATABASE_URL }
    : { kind: "sqlite", file: join(e.STRATA_DATA_DIR, "strata.db") };
}

// Kept on globalThis so Next's dev hot reload does not open a new pool per edit.
const holder = globalThis as typeof globalThis & { __strataDb?: Promise<Kysely<Database>> };

/** The migrated database; migrations run once per process, before the first query. */
export function getDb(): Promise<Kysely<Database>> {
  holder.__strataDb ??= (async () => {
    const db = createDb(dbConfigFromEnv());
    await migrateToLatest(db);
    return db;
  })().catch((error: unknown) => {
    holder.__strataDb = undefined;
    throw error;
  });
  return holder.__strataDb;
}
