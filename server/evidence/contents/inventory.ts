import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import { inventorySchema } from "@/server/inventory";
import { canonicalJson } from "../manifest";
import { sanitise, sanitiseText } from "./sanitise";
import type { ExportScope } from "./scope";

export type ContentFile = { path: string; content: Buffer };

const UNPARSED_NOTE =
  "This snapshot does not match Strata's inventory schema, so checks may not have read it as intended. It is included as stored (credentials removed) rather than left out.";

/** Account ids and regions come from the database: anything outside a plain path segment is replaced, never trusted. */
const segment = (value: string) => {
  const safe = value.replaceAll(/[^A-Za-z0-9._-]/g, "_");
  return safe === "" || /^\.+$/.test(safe) ? "_" : safe;
};

/**
 * inventory/<account>/<region>.json for every snapshot of the scan in scope: the snapshot as collected, with
 * credentials removed (see sanitise.ts), in canonical JSON. The stored document is exported rather than the
 * schema's parse result, which would drop fields the schema does not know and hide them from the auditor.
 * A snapshot that is not valid JSON or does not match the schema goes to <region>.unparsed.json with a note.
 */
export async function* inventoryFiles(db: Kysely<Database>, scanId: string, scope: ExportScope): AsyncGenerator<ContentFile> {
  let query = db.selectFrom("inventory_snapshots").select(["account_id", "region", "data_json"]).where("scan_id", "=", scanId);
  if (scope.accounts.length) query = query.where("account_id", "in", [...scope.accounts]);
  if (scope.regions.length) query = query.where("region", "in", [...scope.regions]);
  const rows = await query.orderBy("account_id").orderBy("region").execute();
  for (const row of rows) {
    const base = `inventory/${segment(row.account_id)}/${segment(row.region)}`;
    const { path, document } = snapshotDocument(row.data_json);
    yield { path: `${base}${path}`, content: Buffer.from(canonicalJson(document), "utf8") };
  }
}

function snapshotDocument(text: string): { path: string; document: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { path: ".unparsed.json", document: { note: UNPARSED_NOTE, problem: `Not JSON: ${reason}`, raw: sanitiseText(text) } };
  }
  const parsed = inventorySchema.safeParse(data);
  if (parsed.success) return { path: ".json", document: sanitise(data) };
  const issues = parsed.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return { path: ".unparsed.json", document: { note: UNPARSED_NOTE, problem: issues, raw: sanitise(data) } };
}
