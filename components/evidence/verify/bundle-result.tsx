import { ChevronDown, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { BundleReport } from "@/lib/schemas/evidence";
import { Card } from "@/components/ui/card";
import { CheckList } from "./check-list";
import { FileTable } from "./file-table";
import { ManifestSummary } from "./manifest-summary";
import { VerdictBanner } from "./verdict-banner";

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="border-t border-(--border)">
      <h3 id={id} className="px-5 pt-3.5 pb-1 text-xs font-semibold tracking-wide text-(--muted) uppercase">
        {title}
      </h3>
      {children}
    </section>
  );
}

function summary(report: BundleReport): string {
  const failed = report.checks.filter((c) => !c.ok);
  if (failed.length === 0) {
    const files = report.manifest?.files.length ?? 0;
    return `All ${report.checks.length} checks passed: the Ed25519 signature over manifest.json is valid and all ${files} file${files === 1 ? "" : "s"} match their SHA-256.`;
  }
  return `${failed.length} of ${report.checks.length} check${report.checks.length === 1 ? "" : "s"} failed. Do not rely on this bundle's contents.`;
}

type Props = {
  report: BundleReport;
  title: string;
  index: number;
  /** In a chain, a valid bundle starts folded to its banner so the problems stand out. */
  collapsible?: boolean;
};

/** One bundle's verdict, what its manifest says, its checks (failures first) and its files. */
export function BundleResult({ report, title, index, collapsible = false }: Props) {
  const failed = report.checks.filter((c) => !c.ok);
  const passed = report.checks.filter((c) => c.ok);
  // Each file's pass is in the file table; listing them again would bury the other checks.
  const passedOther = passed.filter((c) => c.check !== "file" || !report.manifest);
  const passedFiles = passed.length - passedOther.length;
  const signed = report.checks.some((c) => c.check === "signature" && c.ok);
  const id = `bundle-${index}`;
  const banner = (aside?: ReactNode) => (
    <VerdictBanner ok={report.ok} title={title} aside={aside}>
      {summary(report)}
    </VerdictBanner>
  );
  const body = (
    <>
      {failed.length > 0 && (
        <Section id={`${id}-failed`} title={`Failed checks (${failed.length})`}>
          <CheckList checks={failed} label={`Failed checks of ${title}`} />
        </Section>
      )}
      {report.manifest && (
        <Section id={`${id}-manifest`} title="Manifest">
          {!signed && (
            <p className="mx-5 mt-2 flex items-start gap-2 rounded-lg border border-status-error/30 bg-status-error/[0.07] px-3 py-2 text-sm">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-status-error" />
              The signature did not verify, so nothing below is vouched for: it is only what this manifest.json says.
            </p>
          )}
          <ManifestSummary manifest={report.manifest} manifestSha256={report.manifestSha256} />
        </Section>
      )}
      {passed.length > 0 && (
        <Section id={`${id}-passed`} title={`Passed checks (${passed.length})`}>
          <CheckList checks={passedOther} label={`Passed checks of ${title}`} />
          {passedFiles > 0 && (
            <p className="border-t border-(--border) px-5 py-2.5 pl-12 text-sm text-(--muted)">
              {passedFiles} file{passedFiles === 1 ? "" : "s"}: SHA-256 and size match the manifest (see the files below).
            </p>
          )}
        </Section>
      )}
      {report.manifest && (
        <Section id={`${id}-files`} title={`Files (${report.manifest.files.length} listed in the manifest)`}>
          <FileTable manifest={report.manifest} checks={report.checks} caption={`Files of ${title}`} />
        </Section>
      )}
    </>
  );
  return (
    <Card aria-labelledby={`${id}-title`} className="overflow-hidden">
      <h2 id={`${id}-title`} className="sr-only">
        {title}: {report.ok ? "valid" : "invalid"}
      </h2>
      {collapsible ? (
        <details open={!report.ok} className="group">
          <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
            {banner(
              <span className="flex shrink-0 items-center gap-1 self-center text-xs font-medium text-(--muted)">
                <span className="group-open:hidden">Show details</span>
                <span className="hidden group-open:inline">Hide details</span>
                <ChevronDown aria-hidden className="size-4 transition-transform group-open:rotate-180" />
              </span>,
            )}
          </summary>
          {body}
        </details>
      ) : (
        <>
          {banner()}
          {body}
        </>
      )}
    </Card>
  );
}
