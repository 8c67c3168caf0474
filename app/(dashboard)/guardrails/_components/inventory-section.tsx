"use client";

import { ShieldQuestion, TriangleAlert } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/fetcher";
import type { GuardrailRegion } from "@/lib/schemas/guardrail-inventory";
import { useGuardrailInventory, type GuardrailInventoryFilter } from "@/hooks/use-guardrail-inventory";
import { GuardrailRow } from "./inventory-row";

function RegionGroup({ r }: { r: GuardrailRegion }) {
  const heading = `${r.accountName} · ${r.region}`;
  return (
    <section aria-label={heading} className="border-t border-(--border)">
      <h3 className="flex items-baseline gap-2 bg-slate-50/60 px-5 py-1.5 text-xs font-semibold dark:bg-white/[0.02]">
        {r.accountName}
        <span className="font-mono font-normal text-(--muted)">{r.accountId}</span>
        <span className="font-mono">{r.region}</span>
        {r.guardrails && (
          <span className="font-normal text-(--muted)">
            {r.guardrails.length} {r.guardrails.length === 1 ? "guardrail" : "guardrails"}
          </span>
        )}
      </h3>
      {r.unavailable.map((u) => (
        <p
          key={u.part}
          role="note"
          className="mx-5 my-1.5 flex gap-2 rounded-md border border-status-error/30 bg-status-error/10 px-2.5 py-1.5 text-xs"
        >
          <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0 text-status-error" />
          <span className="min-w-0 [overflow-wrap:anywhere]">
            <strong className="font-medium">
              {u.part} {u.notInRegion ? "not available in this region" : "unavailable"}
            </strong>
            {u.action && (
              <>
                {" "}
                — grant <code className="font-mono">{u.action}</code>
              </>
            )}
            <span className="block text-(--muted)">{u.reason}</span>
          </span>
        </p>
      ))}
      {r.guardrails === null ? null : r.guardrails.length === 0 ? (
        <p className="px-5 py-2 text-xs text-(--muted)">No guardrails in this region.</p>
      ) : (
        <ul>
          {r.guardrails.map((g) => (
            <GuardrailRow key={g.arn} g={g} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every guardrail of the latest scan by account and region (optionally narrowed), expandable to its settings and weak spots. */
export function GuardrailInventorySection({ filter = {} }: { filter?: GuardrailInventoryFilter }) {
  const { data, error, isPending } = useGuardrailInventory(filter);
  const description = data?.scan
    ? `From the scan finished ${data.scan.finishedAt?.slice(0, 16).replace("T", " ") ?? "—"} UTC`
    : undefined;
  return (
    <Card aria-labelledby="guardrail-inventory-title">
      <CardHeader id="guardrail-inventory-title" title="Guardrail inventory" description={description} />
      {isPending ? (
        <div className="space-y-2 px-5 pb-5" aria-busy="true" aria-label="Loading guardrail inventory">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-11 w-full" />
          ))}
        </div>
      ) : error || !data ? (
        <p role="alert" className="mx-5 mb-5 rounded-md border border-status-fail/30 bg-status-fail/10 px-3 py-2 text-sm">
          The guardrail inventory could not be loaded: {error instanceof ApiError ? error.message : "the request failed."}
        </p>
      ) : data.emptyMessage !== null && data.regions.length === 0 ? (
        <EmptyState icon={ShieldQuestion} title="No guardrail inventory yet">
          {data.emptyMessage}
        </EmptyState>
      ) : (
        <div className="pb-1">
          {data.regions.map((r) => (
            <RegionGroup key={`${r.accountId} ${r.region}`} r={r} />
          ))}
        </div>
      )}
    </Card>
  );
}
