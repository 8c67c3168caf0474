import { z } from "zod";
import { ALL_AWS_REGIONS } from "@/lib/constants/aws-regions";
import { SEVERITIES } from "@/lib/constants/finding";
import { csvOf, oneOf, type ParsedFlags } from "../args";
import { defineCommand } from "../command";
import { EXIT } from "../errors";

const SCAN_FORMATS = ["table", "json"] as const;

// Well-formed ids and real regions; whether the estate has them is the source's call.
const accountId = z.string().regex(/^\d{12}$/, "each account id must be 12 digits");
const region = z.string().refine((r) => ALL_AWS_REGIONS.includes(r), "each region must be an AWS region such as eu-west-1");

const SCAN_FLAGS = {
  source: {
    value: "<demo|aws>",
    help: "Inventory source for this run (default: STRATA_SOURCE)",
    schema: oneOf(["demo", "aws"]),
  },
  accounts: {
    value: "<ids>",
    help: "Scan only these accounts, comma-separated 12-digit ids (default: all)",
    schema: csvOf(accountId, "account id"),
    repeatable: true,
  },
  regions: {
    value: "<list>",
    help: "Scan only these regions, comma-separated (default: all configured)",
    schema: csvOf(region, "region"),
    repeatable: true,
  },
  format: {
    value: "<table|json>",
    help: "table (default): summary and failing findings; json: one document",
    schema: oneOf(SCAN_FORMATS),
  },
  "fail-on": {
    value: "<severity>",
    help: `Exit 1 if a finding this severe or worse FAILs: ${SEVERITIES.join(", ")}`,
    schema: oneOf(SEVERITIES),
  },
};

export type ScanFlags = ParsedFlags<typeof SCAN_FLAGS>;

export const scanCommand = defineCommand({
  name: "scan",
  summary: "Run a posture scan and print its results",
  description: [
    "Runs a posture scan with the same engine as the dashboard and stores it in the same database",
    "(STRATA_DATA_DIR or DATABASE_URL), so the dashboard shows it. Settings come from the same",
    "environment variables as the server. Refuses to start while another scan is running.",
    "",
    "Progress goes to stderr (a bar on a terminal, occasional lines otherwise); results go to stdout.",
    "--format json prints {scan, findings, errors}: every stored finding of the scan with the fields",
    'the findings page shows; use "npm run -s strata -- scan --format json" to keep npm\'s header',
    "off stdout.",
  ].join("\n"),
  flags: SCAN_FLAGS,
  exitCodes: [EXIT.failOn, EXIT.busy],
  load: async () => (await import("./scan-run")).runScanCommand,
});
