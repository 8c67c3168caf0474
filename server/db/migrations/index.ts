import "server-only";
import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001-initial";

/** Static list (no file-system scan) so the bundler sees every migration. Never edit a shipped one. */
const MIGRATIONS: Record<string, Migration> = {
  "001-initial": m001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
