import "server-only";
import type { Kysely } from "kysely";
import type { Framework } from "@/lib/schemas/compliance";
import type { Scan } from "@/lib/schemas/scan";
import type { FrameworkResult } from "@/server/compliance/evaluate";
import type { StoredAttestation } from "@/server/compliance/attestations";
import type { Database } from "@/server/db";
import type { ExportScope } from "../contents/scope";

/** Everything report.pdf says; the export resolves it once and the other bundle files say the same. */
export type ReportInput = {
  db: Kysely<Database>;
  scan: Scan;
  /** What the export asked for: an empty list means every account (or region) of the scan. */
  scope: ExportScope;
  /** The accounts and regions the scan's findings in scope actually cover. */
  covered: { accounts: string[]; regions: string[] };
  /** One per framework exported ("all": every framework, in catalog order). */
  frameworks: { framework: Framework; result: FrameworkResult }[];
  attestations: StoredAttestation[];
  generatedAt: string;
  generator: { name: string; version: string };
  /** The signing key's id (SHA-256 of the SPKI DER), printed so a reader can match the bundle's public key. */
  keyId: string;
};
