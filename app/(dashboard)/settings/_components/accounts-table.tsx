"use client";

import { CircleCheck, CircleX, LoaderCircle, PlugZap } from "lucide-react";
import { Fragment, useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { useConnectionTest } from "@/hooks/use-source-connection";
import { ApiError } from "@/lib/api/fetcher";
import type { ConnectionResult, SourceAccount } from "@/lib/schemas/source";
import { GrantChip } from "./grant-chip";
import { RegionBadges } from "./region-badges";

const COLUMNS = 5;

function ResultBody({ result }: { result: ConnectionResult }) {
  if (result.ok) {
    return (
      <div className="flex items-start gap-3">
        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-status-pass" />
        <div className="min-w-0 flex-1 text-sm">
          <p>
            <span className="font-medium">Connected</span>
            <span className="text-(--muted)"> in {result.latencyMs} ms as</span>
          </p>
          <code className="mt-1 block font-mono text-xs break-all">{result.arn}</code>
          <p className="mt-1 font-mono text-[11px] text-(--muted)">{result.userId}</p>
        </div>
        <CopyButton text={result.arn} what="assumed-role ARN" />
      </div>
    );
  }
  return (
    <div className="flex items-start gap-3">
      <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-status-fail" />
      <div className="min-w-0 flex-1 text-sm">
        <p>
          <span className="font-medium">Connection failed</span>
          <span className="text-(--muted)"> after {result.latencyMs} ms</span>
        </p>
        <p className="mt-1 text-xs break-words text-(--muted)">{result.error}</p>
        {result.action && <GrantChip action={result.action} className="mt-2" />}
      </div>
    </div>
  );
}

function announcement(name: string, state: ReturnType<typeof useConnectionTest>): string {
  if (state.isPending) return `Testing the connection to ${name}…`;
  if (state.error) return `The connection test of ${name} could not run.`;
  if (!state.data) return "";
  return state.data.ok ? `${name}: connected in ${state.data.latencyMs} ms.` : `${name}: connection failed.`;
}

function AccountRow({ account }: { account: SourceAccount }) {
  const test = useConnectionTest(account.accountId);
  const resultId = useId();
  const shown = !test.isPending && (test.data !== undefined || test.error !== null);
  return (
    <Fragment>
      <tr className={cn("border-b border-(--border) align-top", shown ? "border-b-0" : "last:border-0")}>
        <td className="px-3 py-3 pl-5">
          <span className="block font-medium whitespace-nowrap">{account.name}</span>
          <span className="block font-mono text-[11px] text-(--muted)">{account.accountId}</span>
        </td>
        <td className="px-3 py-3">{account.origin}</td>
        <td className="max-w-[18rem] px-3 py-3">
          {account.roleArn ? (
            <code className="block font-mono text-xs break-all">{account.roleArn}</code>
          ) : (
            <span className="text-(--muted)">Current credentials</span>
          )}
        </td>
        <td className="max-w-[20rem] px-3 py-3">
          <RegionBadges regions={account.regions} />
          <span className="mt-1 block text-xs text-(--muted)">from {account.regionsOrigin}</span>
        </td>
        <td className="px-3 py-2.5 pr-5 text-right">
          <Button
            size="sm"
            onClick={() => test.mutate()}
            disabled={test.isPending}
            aria-busy={test.isPending}
            aria-label={`Test connection to ${account.name}`}
            aria-describedby={shown ? resultId : undefined}
          >
            {test.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : <PlugZap aria-hidden />}
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          <span role="status" className="sr-only">
            {announcement(account.name, test)}
          </span>
        </td>
      </tr>
      {shown && (
        <tr className="border-b border-(--border) last:border-0">
          <td colSpan={COLUMNS} className="px-5 pb-3">
            <div
              id={resultId}
              role="group"
              aria-label={`Connection test of ${account.name}`}
              className={cn(
                "rounded-lg border px-4 py-3",
                test.data?.ok ? "border-status-pass/25 bg-status-pass/[0.06]" : "border-status-fail/25 bg-status-fail/[0.06]",
              )}
            >
              {test.data ? (
                <ResultBody result={test.data} />
              ) : (
                <div className="flex items-start gap-3 text-sm">
                  <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-status-fail" />
                  <p>
                    <span className="font-medium">The test could not run</span>
                    <span className="text-(--muted)">
                      {" "}
                      · {test.error instanceof ApiError ? test.error.message : "The server could not be reached."}
                    </span>
                  </p>
                </div>
              )}
            </div>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The accounts in effect, each with a live sts:GetCallerIdentity test through the role a scan would assume. */
export function AccountsTable({ accounts }: { accounts: SourceAccount[] }) {
  return (
    <div className="overflow-x-auto border-t border-(--border)">
      <table className="w-full min-w-[56rem] text-sm">
        <caption className="sr-only">AWS accounts in effect</caption>
        <thead>
          <tr className="border-b border-(--border) bg-slate-50/60 text-left text-xs text-(--muted) dark:bg-white/[0.02]">
            <th scope="col" className="h-9 px-3 pl-5 font-medium">
              Account
            </th>
            <th scope="col" className="px-3 font-medium">
              Origin
            </th>
            <th scope="col" className="px-3 font-medium">
              Access
            </th>
            <th scope="col" className="px-3 font-medium">
              Regions
            </th>
            <th scope="col" className="px-3 pr-5 text-right font-medium">
              <span className="sr-only">Connection</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <AccountRow key={a.accountId} account={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
