import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import { ConflictError } from "@/server/http/errors";
import type { ExportHistory } from "@/lib/schemas/evidence";
import type { ChainStore } from "./manifest";

export type ExportMeta = { scanId: string; framework: string; createdBy: string; now?: () => Date };

/** Both engines' "unique constraint violated" codes: SQLite's extended code and PostgreSQL's SQLSTATE. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/**
 * The chain kept in evidence_exports, so it survives restarts and is shared by every instance.
 * One store per export: `record` links to the hash `last` returned, the one written into the
 * manifest. If another export linked to that hash meanwhile, the unique index rejects the insert
 * and the caller gets a 409 rather than a forked chain.
 */
export function dbChainStore(db: Kysely<Database>, meta: ExportMeta): ChainStore {
  let previous: string | null | undefined;
  return {
    last: async () => {
      previous = await chainTip(db);
      return previous;
    },
    record: async (manifestSha256) => {
      if (previous === undefined) throw new Error("dbChainStore.record called before last()");
      try {
        await db
          .insertInto("evidence_exports")
          .values({
            id: randomUUID(),
            scan_id: meta.scanId,
            framework: meta.framework,
            manifest_sha256: manifestSha256,
            previous_manifest_sha256: previous,
            created_at: (meta.now?.() ?? new Date()).toISOString(),
            created_by: meta.createdBy,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError("Another export finished first; export again.");
        throw error;
      }
    },
  };
}

/** The export no other export names as its previous one: with a linear chain there is at most one. */
async function chainTip(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom("evidence_exports as e")
    .select("e.manifest_sha256")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("evidence_exports as n").select("n.id").whereRef("n.previous_manifest_sha256", "=", "e.manifest_sha256"),
        ),
      ),
    )
    .orderBy("e.created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.manifest_sha256 ?? null;
}

/**
 * The chain as this dashboard recorded it, newest first, walked from the tip along each row's previous manifest
 * (creation times can tie): what an auditor holds a received bundle's manifest hash against. `end` says where the
 * walk stopped: at the first export, at `limit` with more before it, or at a previous manifest no row holds (the
 * chain is broken). `offChain` counts rows a complete walk never reached, which a linear chain never has.
 */
export async function listExports(db: Kysely<Database>, limit = 50): Promise<ExportHistory> {
  const rows = await db.selectFrom("evidence_exports").selectAll().execute();
  const byManifest = new Map(rows.map((r) => [r.manifest_sha256, r]));
  const named = new Set(rows.map((r) => r.previous_manifest_sha256));
  const tips = rows.filter((r) => !named.has(r.manifest_sha256)).sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  const exports: ExportHistory["exports"] = [];
  let at = tips[0];
  while (at && exports.length < limit) {
    exports.push({
      id: at.id,
      scanId: at.scan_id,
      framework: at.framework,
      manifestSha256: at.manifest_sha256,
      previousManifestSha256: at.previous_manifest_sha256,
      createdAt: at.created_at,
      createdBy: at.created_by,
    });
    at = at.previous_manifest_sha256 === null ? undefined : byManifest.get(at.previous_manifest_sha256);
  }
  const previous = exports.at(-1)?.previousManifestSha256 ?? null;
  const end = previous === null ? "first" : byManifest.has(previous) ? "limit" : "broken";
  return { exports, end, offChain: end === "first" ? rows.length - exports.length : 0 };
}
