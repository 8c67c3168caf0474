import type { ChainReport, VerifyCheck } from "@/lib/schemas/evidence";
import { verifyChain } from "@/server/evidence/chain";
import { BundleReadError } from "@/server/evidence/verify";
import type { CliContext } from "../command";
import { CliError, EXIT, type ExitCode } from "../errors";
import type { VerifyArgs } from "./verify";

export async function runVerifyCommand(args: VerifyArgs, ctx: CliContext): Promise<ExitCode> {
  let report: ChainReport;
  try {
    report = await verifyChain(args.files, {
      ...(args.previous !== undefined ? { expectedPreviousManifestSha256: args.previous } : {}),
      ...(args.trustedKeys ? { trustedKeyIds: args.trustedKeys } : {}),
    });
  } catch (error) {
    if (error instanceof BundleReadError) throw new CliError(error.message, EXIT.noInput);
    throw error;
  }
  ctx.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? EXIT.ok : EXIT.failOn;
}

const line = (c: VerifyCheck) => `  ${c.ok ? "✓" : "✗"} ${c.check.padEnd(10)} ${c.message}\n`;

function formatReport(report: ChainReport): string {
  let text = "";
  for (const bundle of report.bundles) {
    const m = bundle.manifest;
    const about = m ? ` (scan ${m.scanId}, framework ${m.framework}, created ${m.createdAt}, key ${m.keyId.slice(0, 16)}…)` : "";
    text += `${bundle.ok ? "✓" : "✗"} ${bundle.source}${about}\n`;
    text += bundle.checks.map(line).join("");
    if (bundle.manifestSha256) text += `    manifest SHA-256: ${bundle.manifestSha256}\n`;
  }
  if (report.links.length > 0)
    text += `${report.links.every((l) => l.ok) ? "✓" : "✗"} chain, in the order given\n${report.links.map(line).join("")}`;
  const problems = [...report.bundles.flatMap((b) => b.checks), ...report.links].filter((c) => !c.ok).length;
  const what = report.bundles.length === 1 ? "bundle" : `${report.bundles.length} bundles and their chain`;
  return `${text}\n${report.ok ? `VALID: ${what} verified.` : `NOT VALID: ${problems} problem${problems === 1 ? "" : "s"} found (✗ above).`}\n`;
}
