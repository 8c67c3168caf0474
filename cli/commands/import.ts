import { z } from "zod";
import { oneOf, type ParsedFlags } from "../args";
import { defineCommand } from "../command";
import { EXIT } from "../errors";

const IMPORT_FORMATS = ["table", "json"] as const;

const path = (what: string) => z.string().min(1, `needs a ${what}`);

const IMPORT_FLAGS = {
  db: {
    value: "<file>",
    help: "The embedded log store to write (default: <STRATA_DATA_DIR>/logs.db, what the dashboard reads)",
    schema: path("file path"),
  },
  quarantine: {
    value: "<file>",
    help: "Where malformed lines go, appended as JSONL (default: <STRATA_DATA_DIR>/quarantine/import-<UTC time>.jsonl)",
    schema: path("file path"),
  },
  batch: {
    value: "<n>",
    help: "Records per insert transaction, 1 to 100000 (default: 2000)",
    schema: z
      .string()
      .regex(/^\d+$/, "must be a whole number")
      .transform(Number)
      .pipe(z.number().min(1, "must be at least 1").max(100_000, "must be at most 100000")),
  },
  format: {
    value: "<table|json>",
    help: "table (default): a summary; json: the summary as one document",
    schema: oneOf(IMPORT_FORMATS),
  },
};

export type ImportFlags = ParsedFlags<typeof IMPORT_FLAGS>;

export const importCommand = defineCommand({
  name: "import",
  summary: "Import Bedrock invocation-log files (folder, file or S3) into the embedded log store",
  description: [
    "Reads the .json.gz files Bedrock delivers to S3 (also .json and .jsonl) and stores their records in",
    "the embedded log store the dashboard's explorer reads. Folders and S3 prefixes are read recursively in",
    "key order; other objects (such as amazon-bedrock-logs-permission-check and offloaded bodies under",
    ".../data/) are skipped and counted. Importing the same files again adds nothing: records are keyed",
    "on their request id, and the summary says how many were new and how many were already stored.",
    "",
    "Malformed lines are written to the quarantine file with their file and line number; the import goes",
    "on and exits 0, with a warning. A file that cannot be read to its end (truncated or corrupt gzip,",
    "unreadable) is listed with its reason, its records up to that point are kept, and the import goes on",
    "to the next file; the exit code is then 65. Re-running the import after fixing it is safe.",
    "",
    "s3:// sources use the default AWS credential chain, AWS_REGION and AWS_ENDPOINT_URL, like a scan;",
    "they need s3:ListBucket on the bucket and s3:GetObject on the prefix (and kms:Decrypt for SSE-KMS).",
    "Progress goes to stderr; the summary goes to stdout.",
  ].join("\n"),
  operand: {
    value: "<source>",
    help: "A folder, a file, or s3://bucket/prefix (e.g. s3://my-logs/AWSLogs/123456789012/BedrockModelInvocationLogs/)",
  },
  flags: IMPORT_FLAGS,
  exitCodes: [EXIT.dataErr],
  load: async () => (await import("./import-run")).runImportCommand,
});
