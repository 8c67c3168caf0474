import type { ChainReport } from "@/lib/schemas/evidence";
import { Card } from "@/components/ui/card";
import { BundleResult } from "./bundle-result";
import { CheckList } from "./check-list";
import { VerdictBanner } from "./verdict-banner";

type Props = {
  report: ChainReport;
  /** The uploaded files' names, in the order sent (the report names several bundles by position). */
  fileNames: readonly string[];
};

/** The verification result: the chain's verdict and links when there are several bundles, then each bundle. */
export function VerifyReport({ report, fileNames }: Props) {
  const chained = report.bundles.length > 1;
  const title = (i: number) => {
    const name = fileNames[i] ?? report.bundles[i]?.source ?? "";
    return chained ? `Bundle ${i + 1} · ${name}` : name;
  };
  const badBundles = report.bundles.filter((b) => !b.ok).length;
  const badLinks = report.links.filter((l) => !l.ok).length;
  return (
    <div className="space-y-4">
      {chained && (
        <>
          <VerdictBanner ok={report.ok} size="lg" title={`Chain of ${report.bundles.length} bundles, in the order given`}>
            {report.ok
              ? "Every bundle verifies and each one names the manifest of the bundle before it."
              : [
                  badBundles > 0 && `${badBundles} bundle${badBundles === 1 ? "" : "s"} invalid`,
                  badLinks > 0 && `${badLinks} broken link${badLinks === 1 ? "" : "s"}`,
                ]
                  .filter(Boolean)
                  .join(", ") + "."}
          </VerdictBanner>
          <Card aria-labelledby="chain-links-title">
            <h2 id="chain-links-title" className="px-5 pt-4 pb-1 text-sm font-semibold tracking-tight">
              Chain links
            </h2>
            <p className="px-5 pb-2 text-xs text-(--muted)">
              Each bundle&apos;s previousManifestSha256 must be the SHA-256 of the bundle before it&apos;s manifest.json.
            </p>
            <div className="border-t border-(--border)">
              <CheckList
                checks={report.links.map((l, i) => ({ ...l, subject: `${title(i)} → ${title(i + 1)}` }))}
                label="Chain links"
              />
            </div>
          </Card>
        </>
      )}
      {report.bundles.map((b, i) => (
        <BundleResult key={i} report={b} title={title(i)} index={i} collapsible={chained} />
      ))}
    </div>
  );
}
