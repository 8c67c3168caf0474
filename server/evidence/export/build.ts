import "server-only";
import { Readable, type Writable } from "node:stream";
import type { Kysely } from "kysely";
import type { Framework } from "@/lib/schemas/compliance";
import { EXPORT_BUILD_PHASES, type ExportPhase, type ExportRequest, type Manifest } from "@/lib/schemas/evidence";
import { GLOBAL_REGION } from "@/lib/schemas/finding";
import type { Scan } from "@/lib/schemas/scan";
import { listAttestations, type StoredAttestation } from "@/server/compliance/attestations";
import { evaluateFramework } from "@/server/compliance/evaluate";
import { FRAMEWORKS, getFramework } from "@/server/compliance/frameworks";
import type { Database } from "@/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/server/http/errors";
import { getScan } from "@/server/scans/repository";
import { findingsCsv, findingsJson } from "../contents/findings";
import { inventoryFiles } from "../contents/inventory";
import { scopedFindings, type ExportScope, type FindingRow } from "../contents/scope";
import type { SigningKey } from "../keys";
import type { BundleMeta, ChainStore } from "../manifest";
import { renderReport } from "../report";
import { writeBundle, type BundleFile } from "../write";
import { attestationFiles } from "./attestation-files";
import { ocsfJsonl, oscalJson, rowStatus } from "./formats";

type ExportProgress = { phase: ExportPhase; step: number; steps: number };

export type BuildOptions = {
  db: Kysely<Database>;
  request: ExportRequest;
  key: SigningKey;
  chain: ChainStore;
  generator: { name: string; version: string };
  now: Date;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** Already resolved (the route checks the request before it answers); resolved here otherwise. */
  basis?: ExportBasis;
};

/** The scan, its findings in scope and each framework's result: what every file of the bundle is built from. */
export type ExportBasis = {
  scan: Scan;
  scope: ExportScope;
  covered: { accounts: string[]; regions: string[] };
  rows: FindingRow[];
  frameworks: { framework: Framework; result: ReturnType<typeof evaluateFramework> }[];
  attestations: StoredAttestation[];
};

function frameworksOf(request: ExportRequest): Framework[] {
  if (request.framework === "all") return [...FRAMEWORKS];
  const framework = getFramework(request.framework);
  if (!framework) throw new ValidationError(`Unknown framework "${request.framework}".`);
  return [framework];
}

/** The accounts and regions a scan's findings name; account-level findings ("global") name no region. */
async function scanReach(db: Kysely<Database>, scanId: string) {
  const rows = await db
    .selectFrom("findings")
    .select(["account_id", "region"])
    .distinct()
    .where("scan_id", "=", scanId)
    .execute();
  return {
    accounts: new Set(rows.map((r) => r.account_id)),
    regions: new Set(rows.map((r) => r.region).filter((r) => r !== GLOBAL_REGION)),
  };
}

/**
 * Checks the request against the scan before anything is written: a scan that is not finished, or a scope naming
 * an account or region the scan never covered, would yield a bundle that looks complete and is not.
 */
export async function exportBasis(db: Kysely<Database>, request: ExportRequest): Promise<ExportBasis> {
  const scan = await getScan(db, request.scanId);
  if (!scan) throw new NotFoundError(`Scan ${request.scanId}`);
  if (scan.status !== "completed")
    throw new ConflictError(`Scan ${scan.id} is ${scan.status}; only a completed scan can be exported.`);
  const frameworks = frameworksOf(request);
  const reach = await scanReach(db, scan.id);
  const unknownAccounts = request.accounts.filter((a) => !reach.accounts.has(a));
  if (unknownAccounts.length)
    throw new ValidationError(`Scan ${scan.id} has no findings for account ${unknownAccounts.join(", ")}.`);
  const unknownRegions = request.regions.filter((r) => !reach.regions.has(r));
  if (unknownRegions.length) throw new ValidationError(`Scan ${scan.id} has no findings in region ${unknownRegions.join(", ")}.`);

  const scope: ExportScope = { accounts: [...new Set(request.accounts)].sort(), regions: [...new Set(request.regions)].sort() };
  const rows: FindingRow[] = [];
  for await (const row of scopedFindings(db, scan.id, scope)) rows.push(row);
  const covered = {
    accounts: [...new Set(rows.map((r) => r.account_id))].sort(),
    regions: [...new Set(rows.map((r) => r.region).filter((r) => r !== GLOBAL_REGION))].sort(),
  };
  const ids = new Set<string>(frameworks.map((f) => f.id));
  const attestations = (await listAttestations(db, scan.id)).filter((a) => ids.has(a.frameworkId));
  const findings = rows.map((r) => ({ checkId: r.check_id, accountId: r.account_id, region: r.region, status: rowStatus(r) }));
  return {
    scan,
    scope,
    covered,
    rows,
    attestations,
    frameworks: frameworks.map((framework) => ({
      framework,
      result: evaluateFramework(framework, findings, { scope, attestations }),
    })),
  };
}

/**
 * Builds and streams one signed evidence bundle (layout in DESIGN.md, "Evidence bundle") to `out`. Files are
 * produced one after another while the ZIP streams, so progress is the phase being written; the chain only
 * advances once the last byte reached `out` (see writeBundle).
 */
export async function buildEvidenceBundle(
  options: BuildOptions,
  out: Writable,
): Promise<{ manifest: Manifest; manifestSha256: string; previousManifestSha256: string | null }> {
  const { db, request, onProgress, signal } = options;
  const steps = EXPORT_BUILD_PHASES.length;
  const enter = (phase: (typeof EXPORT_BUILD_PHASES)[number]) => {
    signal?.throwIfAborted();
    onProgress?.({ phase, step: EXPORT_BUILD_PHASES.indexOf(phase), steps });
  };

  enter("evaluating");
  const basis = options.basis ?? (await exportBasis(db, request));
  const createdAt = options.now.toISOString();
  const meta: BundleMeta = {
    scanId: basis.scan.id,
    framework: request.framework,
    // The accounts and regions actually exported, not "[]" for "all": the manifest must say what it covers.
    scope: basis.covered,
    createdAt,
    generator: options.generator,
  };
  const contentInput = {
    db,
    scanId: basis.scan.id,
    scope: basis.scope,
    framework: request.framework,
    generatedBy: options.generator,
  };

  async function* files(): AsyncGenerator<BundleFile> {
    enter("report");
    const report = await renderReport({
      db,
      scan: basis.scan,
      scope: basis.scope,
      covered: basis.covered,
      frameworks: basis.frameworks,
      attestations: basis.attestations,
      generatedAt: createdAt,
      generator: options.generator,
      keyId: options.key.keyId,
    });
    yield { path: "report.pdf", content: report };
    enter("findings");
    yield { path: "findings.json", content: Readable.from(findingsJson(contentInput)) };
    yield { path: "findings.csv", content: Readable.from(findingsCsv(contentInput)) };
    enter("ocsf");
    yield { path: "ocsf/compliance-findings.jsonl", content: Readable.from(ocsfJsonl(basis, options)) };
    enter("oscal");
    yield { path: "oscal/assessment-results.json", content: oscalJson(basis, options) };
    enter("inventory");
    yield* inventoryFiles(db, basis.scan.id, basis.scope);
    enter("attestations");
    yield* attestationFiles(db, basis.attestations);
    enter("signing");
  }

  let previous: string | null = null;
  const chain: ChainStore = {
    last: async () => (previous = await options.chain.last()),
    record: (hash) => options.chain.record(hash),
  };
  const result = await writeBundle({ files: files(), meta, key: options.key, chain }, out);
  return { ...result, previousManifestSha256: previous };
}
