import "server-only";
import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001-initial";
import * as m002 from "./002-scan-admission";
import * as m003 from "./003-shared-views";
import * as m004 from "./004-evidence";

/** Static list (no file-system scan) so the bundler sees every migration. Never edit a shipped one. */
const MIGRATIONS: Record<string, Migration> = {
  "001-initial": m001,
  "002-scan-admission": m002,
  "003-shared-views": m003,
  "004-evidence": m004,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
