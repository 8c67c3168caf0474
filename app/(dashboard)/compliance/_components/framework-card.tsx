import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { formatShare } from "@/components/compliance/labels";
import { StatusBar, StatusCounts } from "@/components/compliance/status-tally";
import { Meter } from "@/components/ui/meter";
import type { FrameworkSummary } from "@/lib/schemas/compliance-api";

/** One framework on /compliance: coverage, status tallies and pass share, linking to its page with the same scope. */
type Props = { framework: FrameworkSummary; href: string; accountName: (id: string) => string };

export function FrameworkCard({ framework, href, accountName }: Props) {
  const { coverage, accountShares } = framework;
  const best = accountShares[0];
  const worst = accountShares.at(-1);
  const titleId = `fw-${framework.id}`;
  return (
    <article
      aria-labelledby={titleId}
      className="group relative flex flex-col rounded-xl border border-(--border) bg-(--card) p-5 shadow-xs transition-colors hover:border-(--accent)/40"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={titleId} className="text-sm font-semibold tracking-tight">
            <Link href={href} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none">
              {framework.name}
            </Link>
          </h2>
          <p className="mt-0.5 text-xs text-(--muted)">{framework.version}</p>
        </div>
        <div className="shrink-0 text-right">
          <p className="text-2xl font-semibold tracking-tight tabular-nums">{formatShare(framework.passShare)}</p>
          <p className="text-[11px] whitespace-nowrap text-(--muted)">passing</p>
        </div>
      </div>

      <div className="mt-4">
        <div className="mb-1 flex items-baseline justify-between text-xs">
          <span className="text-(--muted)">Automated coverage</span>
          <span className="tabular-nums">
            <span className="font-semibold">{coverage.automated}</span>
            <span className="text-(--muted)"> of {coverage.total} requirements</span>
          </span>
        </div>
        <Meter value={coverage.ratio * 100} barClassName="bg-sky-500" />
        <p className="mt-1 text-[11px] text-(--muted)">
          {coverage.evidenced} with findings in this scope; {coverage.total - coverage.automated} need an attestation only
        </p>
      </div>

      <div className="mt-4 space-y-2">
        <StatusBar totals={framework.totals} />
        <StatusCounts totals={framework.totals} />
      </div>
      {best && worst && accountShares.length > 1 && (
        // Across the scope a requirement passes only if it passes in every account; this says where each stands.
        <p className="mt-3 text-xs text-(--muted)">
          Accounts alone: best{" "}
          <span className="font-medium whitespace-nowrap text-(--foreground)">{accountName(best.accountId)}</span>{" "}
          <span className="tabular-nums">{formatShare(best.passShare)}</span>, worst{" "}
          <span className="font-medium whitespace-nowrap text-(--foreground)">{accountName(worst.accountId)}</span>{" "}
          <span className="tabular-nums">{formatShare(worst.passShare)}</span>
        </p>
      )}
      {framework.note && <p className="mt-3 line-clamp-2 text-[11px] text-(--muted)">{framework.note}</p>}
      <span className="mt-auto inline-flex items-center gap-1 pt-4 text-xs font-medium text-(--accent)" aria-hidden>
        Requirements <ArrowRight className="size-3.5 transition-transform group-hover:translate-x-0.5" />
      </span>
    </article>
  );
}
