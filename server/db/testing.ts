import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { Client } from "pg";
import { createDb, migrateToLatest } from "./connect";
import type { Database } from "./schema";

const TEST_PG_URL = process.env.STRATA_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type TestDb = { engine: "sqlite" | "postgres"; db: Kysely<Database>; close: () => Promise<void> };

/** A migrated, empty SQLite database in memory. */
export async function sqliteTestDb(): Promise<TestDb> {
  const db = createDb({ kind: "sqlite", file: ":memory:" });
  await migrateToLatest(db);
  return { engine: "sqlite", db, close: () => db.destroy() };
}

/** A migrated, empty PostgreSQL schema of its own, dropped on close, so test files never collide. */
async function postgresTestDb(): Promise<TestDb> {
  const schema = `strata_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: TEST_PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The storage tests need PostgreSQL at ${TEST_PG_URL} (set STRATA_TEST_DATABASE_URL to change it): ${String(error)}`,
    );
  }
  await admin.query(`create schema ${schema}`);
  const url = new URL(TEST_PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const db = createDb({ kind: "postgres", url: url.toString() });
  await migrateToLatest(db);
  return {
    engine: "postgres",
    db,
    close: async () => {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

export const ENGINES = [
  ["sqlite", sqliteTestDb],
  ["postgres", postgresTestDb],
] as const;
