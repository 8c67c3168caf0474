import { spawnSync } from "node:child_process";
import type { Kysely } from "kysely";
import type { Status } from "@/lib/schemas/finding";
import type { Scan } from "@/lib/schemas/scan";
import type { StoredAttestation } from "@/server/compliance/attestations";
import { evaluateFramework } from "@/server/compliance/evaluate";
import { FRAMEWORKS } from "@/server/compliance/frameworks";
import type { Database } from "@/server/db";
import type { ReportInput } from "./types";

/**
 * The PDF's text as `pdftotext` (poppler-utils) reads it. No skip when it is missing: CI installs
 * it, and a report test that silently passes without reading the PDF proves nothing.
 */
export function pdfText(pdf: Buffer, mode: "-layout" | "-raw" = "-layout"): string {
  const run = spawnSync("pdftotext", [mode, "-enc", "UTF-8", "-", "-"], { input: pdf, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`pdftotext (poppler-utils) is required for the report tests: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pdftotext failed (${run.status}): ${run.stderr.toString()}`);
  return run.stdout.toString("utf8");
}

/** Whitespace (line breaks of wrapped cells included) collapsed to single spaces. */
export const flat = (text: string): string => text.replace(/\s+/g, " ");

/** A ReportInput for every framework, evaluated over the scan's stored findings as the export does. */
export async function reportInput(
  db: Kysely<Database>,
  scan: Scan,
  over: Partial<ReportInput> & { attestations?: StoredAttestation[] } = {},
): Promise<ReportInput> {
  const rows = await db
    .selectFrom("findings")
    .select(["check_id", "account_id", "region", "status"])
    .where("scan_id", "=", scan.id)
    .execute();
  const findings = rows.map((r) => ({
    checkId: r.check_id,
    accountId: r.account_id,
    region: r.region,
    status: r.status as Status,
  }));
  const attestations = over.attestations ?? [];
  return {
    db,
    scan,
    scope: { accounts: [], regions: [] },
    covered: {
      accounts: [...new Set(rows.map((r) => r.account_id))].sort(),
      regions: [...new Set(rows.map((r) => r.region))].filter((r) => r !== "global").sort(),
    },
    frameworks: FRAMEWORKS.map((framework) => ({ framework, result: evaluateFramework(framework, findings, { attestations }) })),
    attestations,
    generatedAt: "2026-03-01T11:00:00.000Z",
    generator: { name: "Strata", version: "0.1.0" },
    keyId: "9f".repeat(32),
    ...over,
  };
}
