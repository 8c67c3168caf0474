import "server-only";
import { collectFailing } from "./failing";
import { Writer } from "./layout";
import { renderAttestations } from "./sections/attestations";
import { renderCover } from "./sections/cover";
import { renderFindings } from "./sections/findings";
import { renderInherited } from "./sections/inherited";
import { renderRequirements } from "./sections/requirements";
import { renderSummary } from "./sections/summary";
import { oneLine } from "./text";
import type { ReportInput } from "./types";

/**
 * report.pdf of an evidence bundle: the human-readable account of what the other files hold. The
 * same input gives the same bytes (the dates come from `generatedAt`, the file ID from the dates).
 */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  const createdAt = new Date(input.generatedAt);
  if (Number.isNaN(createdAt.getTime())) throw new Error(`renderReport: generatedAt "${input.generatedAt}" is not an ISO date`);
  if (input.frameworks.length === 0) throw new Error("renderReport: at least one framework is needed");
  // Read before drawing: a database error then fails the export without a half-written document.
  const failing = await collectFailing(input.db, input.scan.id, input.scope);

  const scanId = oneLine(input.scan.id);
  const w = new Writer({
    title: `Strata evidence report · scan ${scanId}`,
    subject: input.frameworks.map(({ framework }) => `${oneLine(framework.name)} ${oneLine(framework.version)}`).join("; "),
    creator: `${oneLine(input.generator.name)} ${oneLine(input.generator.version)}`,
    createdAt,
  });
  renderCover(w, input);
  renderSummary(w, input);
  renderRequirements(w, input);
  renderFindings(w, input, failing);
  renderInherited(w, input);
  renderAttestations(w, input);
  w.finish((page, pages) => `Strata evidence report · scan ${scanId} · page ${page} of ${pages}`, "Strata evidence report");
  return w.toBuffer();
}
