import { z } from "zod";
import { FRAMEWORK_IDS } from "@/lib/schemas/compliance";
import { exportRequestSchema } from "@/lib/schemas/evidence";
import { csvOf, oneOf, type ParsedFlags } from "../args";
import { defineCommand } from "../command";
import { EXIT } from "../errors";

// The same item rules as the export route, so the CLI and the dialog refuse the same input.
const { accounts, regions } = exportRequestSchema.shape;

const EXPORT_FLAGS = {
  scan: {
    value: "<id|latest>",
    help: "The scan to export (default: latest, the newest completed scan)",
    schema: z.string().min(1, "needs a scan id or latest"),
  },
  framework: {
    value: "<id|all>",
    help: `One framework or all (default: all): ${FRAMEWORK_IDS.join(", ")}`,
    schema: oneOf(["all", ...FRAMEWORK_IDS]),
  },
  accounts: {
    value: "<ids>",
    help: "Only these accounts, comma-separated 12-digit ids (default: every account of the scan)",
    schema: csvOf(accounts.unwrap().element, "account id"),
    repeatable: true,
  },
  regions: {
    value: "<list>",
    help: "Only these regions, comma-separated (default: every region of the scan)",
    schema: csvOf(regions.unwrap().element, "region"),
    repeatable: true,
  },
  out: {
    value: "<file.zip>",
    help: "Where to write the bundle (default: strata-evidence-<framework>-<scan>-<time>.zip here); never overwritten",
    schema: z.string().min(1, "needs a file name"),
  },
  format: {
    value: "<text|json>",
    help: "text (default): a summary; json: {path, bytes, manifestSha256, previousManifestSha256, ...}",
    schema: oneOf(["text", "json"]),
  },
};

export type ExportFlags = ParsedFlags<typeof EXPORT_FLAGS>;

export const exportCommand = defineCommand({
  name: "export",
  summary: "Build a signed evidence bundle, as the dashboard's Export evidence does",
  description: [
    "Builds the same signed evidence bundle as the dashboard (report.pdf, findings.json/.csv, OCSF and",
    "OSCAL documents, sanitised inventory snapshots, attestations, manifest.json, manifest.sig and",
    "public-key.pem) from a stored scan, links it to the previous export's manifest (the chain the",
    "dashboard keeps in the same database) and records it in the audit log. The signing key is",
    "STRATA_EVIDENCE_SIGNING_KEY or the one kept in STRATA_DATA_DIR, as for the server.",
    "",
    "Progress goes to stderr; the summary goes to stdout. Check the result with",
    '"npm run strata -- verify <file.zip>".',
  ].join("\n"),
  flags: EXPORT_FLAGS,
  exitCodes: [EXIT.busy],
  load: async () => (await import("./export-run")).runExportCommand,
});
