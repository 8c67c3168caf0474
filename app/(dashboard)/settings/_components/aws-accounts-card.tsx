import { TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import type { AccountMode, SourceDescription } from "@/lib/schemas/source";
import { ConfigError } from "@/server/config/env";
import { inspectSource } from "@/server/sources";
import { AccountsTable } from "./accounts-table";
import { GrantChip } from "./grant-chip";

const KIND_LABEL: Record<SourceDescription["kind"], string> = {
  demo: "Demo estate (fictional, built in)",
  aws: "AWS (read-only SDK calls)",
};

const MODE_LABEL: Record<AccountMode, string> = {
  demo: "The demo estate's accounts",
  current: "The account of the credentials Strata runs with",
  roles: "A list of role ARNs",
  organization: "AWS Organizations discovery",
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline gap-2">
      <dt className="text-(--muted)">{term}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

function Problems({ problems }: { problems: SourceDescription["problems"] }) {
  return (
    <div role="note" className="mx-5 mb-4 rounded-lg border border-status-error/30 bg-status-error/[0.07] px-4 py-3">
      <p className="flex items-center gap-2 text-sm font-medium">
        <TriangleAlert aria-hidden className="size-4 shrink-0 text-status-error" />
        {problems.length === 1 ? "A problem" : `${problems.length} problems`} while resolving the accounts and regions
      </p>
      <ul className="mt-2 space-y-2 pl-6 text-sm">
        {problems.map((p, i) => (
          <li key={i}>
            {p.accountId && <span className="mr-1.5 font-mono text-xs text-(--muted)">{p.accountId}</span>}
            <span className="break-words">{p.reason}</span>
            {p.action && (
              <span className="mt-1.5 block">
                <GrantChip action={p.action} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

async function describeSource(): Promise<SourceDescription | ConfigError> {
  try {
    return await inspectSource().describe();
  } catch (error) {
    // A bad account or region setting names itself; anything else is a bug for the route's error boundary.
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

export async function AwsAccountsCard() {
  const description = await describeSource();
  const header = (
    <CardHeader
      id="aws-accounts-title"
      title="AWS accounts"
      description="The accounts and regions a scan covers, where each came from, and a live test of Strata's access to each."
    />
  );
  if (description instanceof ConfigError) {
    return (
      <Card aria-labelledby="aws-accounts-title">
        {header}
        <p role="alert" className="border-t border-(--border) px-5 py-4 text-sm whitespace-pre-line text-status-fail">
          {description.message}
        </p>
      </Card>
    );
  }
  const regions = new Set(description.accounts.flatMap((a) => a.regions));
  return (
    <Card aria-labelledby="aws-accounts-title">
      {header}
      <dl className="flex flex-wrap gap-x-8 gap-y-1.5 border-t border-(--border) px-5 py-3 text-sm">
        <Fact term="Source">{KIND_LABEL[description.kind]}</Fact>
        <Fact term="Accounts from">{MODE_LABEL[description.accountMode]}</Fact>
        <Fact term="In effect">
          <span className="tabular-nums">
            {description.accounts.length} {description.accounts.length === 1 ? "account" : "accounts"} · {regions.size}{" "}
            {regions.size === 1 ? "region" : "regions"}
          </span>
        </Fact>
      </dl>
      {description.problems.length > 0 && <Problems problems={description.problems} />}
      {description.accounts.length === 0 ? (
        <p className="border-t border-(--border) px-5 py-6 text-sm text-(--muted)">
          No account is in effect: a scan would read nothing.
        </p>
      ) : (
        <AccountsTable accounts={description.accounts} />
      )}
    </Card>
  );
}
