import { ArrowRight, CircleCheck } from "lucide-react";
import Link from "next/link";
import { formatDateTime } from "@/components/posture/format";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { getDb } from "@/server/db";
import { getLastScanErrors, type AccountErrors, type ServiceErrors } from "@/server/scans/errors-by-service";
import { GrantChip } from "./grant-chip";
import { ReasonText } from "./reason-text";
import { RegionBadges } from "./region-badges";

/** Inventory section → the AWS service it is read from; unknown sections show their key. */
const SERVICE_LABEL: Record<string, string> = {
  // Not inventory sections: a collection that failed as a whole, and resolving accounts and regions.
  "*": "All services",
  targets: "Accounts and regions",
  bedrock: "Amazon Bedrock",
  iam: "IAM",
  ec2: "EC2 (VPC)",
  kms: "KMS",
  s3: "S3",
  cloudtrail: "CloudTrail",
  logs: "CloudWatch Logs",
  cloudwatch: "CloudWatch",
  organizations: "Organizations",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ServiceRow({ service }: { service: ServiceErrors }) {
  const subParts = service.parts.filter((p) => p.includes(".")).map((p) => p.slice(p.indexOf(".") + 1));
  return (
    <tr className="border-b border-(--border) align-top last:border-0">
      <td className="px-3 py-2.5 pl-5">
        <span className="block font-medium whitespace-nowrap">{SERVICE_LABEL[service.service] ?? service.service}</span>
        {subParts.length > 0 && <span className="block font-mono text-[11px] text-(--muted)">{subParts.join(", ")}</span>}
      </td>
      <td className="px-3 py-2.5 text-right tabular-nums">{service.count}</td>
      <td className="px-3 py-2.5">
        <RegionBadges regions={service.regions} />
      </td>
      <td className="px-3 py-2.5 pr-5">
        <ul className="space-y-1.5 text-xs leading-5 text-(--muted)">
          {service.reasons.map((r) => (
            <li key={r}>
              <ReasonText text={r} />
            </li>
          ))}
        </ul>
        {service.actions.length > 0 && (
          <span className="mt-2 flex flex-wrap gap-1.5">
            {service.actions.map((a) => (
              <GrantChip key={a} action={a} />
            ))}
          </span>
        )}
      </td>
    </tr>
  );
}

function AccountGroup({ account }: { account: AccountErrors }) {
  return (
    <tbody className="border-b border-(--border) last:border-0">
      <tr className="border-b border-(--border) bg-slate-50/60 dark:bg-white/[0.02]">
        <th scope="rowgroup" colSpan={4} className="px-3 py-2 pl-5 text-left font-normal">
          <span className="font-medium">{account.accountName ?? account.accountId}</span>
          {account.accountName && <span className="ml-2 font-mono text-[11px] text-(--muted)">{account.accountId}</span>}
          <span className="ml-2 text-xs text-(--muted)">
            · {plural(account.count, "error")} in {plural(account.services.length, "service")}
          </span>
        </th>
      </tr>
      {account.services.map((s) => (
        <ServiceRow key={s.service} service={s} />
      ))}
    </tbody>
  );
}

export async function ScanErrorsCard() {
  const last = await getLastScanErrors(await getDb());
  const description = last ? (
    <>
      What the scan of{" "}
      <a
        href={`#scan-${last.scan.id}`}
        className="text-(--foreground) underline decoration-(--border) underline-offset-2 hover:decoration-current"
      >
        {formatDateTime(last.scan.finishedAt ?? last.scan.createdAt)}
      </a>{" "}
      could not read, per account and service. Checks that need it report Error, never Pass.
    </>
  ) : (
    "What the latest completed scan could not read, per account and service."
  );
  return (
    <Card aria-labelledby="scan-errors-title">
      <CardHeader
        id="scan-errors-title"
        title="Last scan: collection errors"
        description={description}
        action={
          last && last.total > 0 ? (
            <Link href="/posture?status=ERROR" className={buttonClasses("secondary", "sm")}>
              Findings with errors
              <ArrowRight aria-hidden />
            </Link>
          ) : undefined
        }
      />
      {!last ? (
        <p className="border-t border-(--border) px-5 py-6 text-sm text-(--muted)">No scan has completed yet.</p>
      ) : last.accounts.length === 0 ? (
        <div className="flex items-center gap-3 border-t border-(--border) px-5 py-5">
          <span className="grid size-9 shrink-0 place-items-center rounded-lg bg-status-pass/10">
            <CircleCheck aria-hidden className="size-5 text-status-pass" />
          </span>
          <div>
            <p className="text-sm font-medium">The last scan collected everything</p>
            <p className="text-xs text-(--muted)">Every account, region and service was read without an error.</p>
          </div>
        </div>
      ) : (
        <div className="overflow-x-auto border-t border-(--border)">
          <table className="w-full min-w-[56rem] text-sm">
            <caption className="sr-only">
              Collection errors of the last scan: {plural(last.total, "error")} in {plural(last.accounts.length, "account")}
            </caption>
            <thead>
              <tr className="border-b border-(--border) text-left text-xs text-(--muted)">
                <th scope="col" className="h-9 w-40 px-3 pl-5 font-medium">
                  Service
                </th>
                <th scope="col" className="w-16 px-3 text-right font-medium">
                  Errors
                </th>
                <th scope="col" className="w-48 px-3 font-medium">
                  Regions
                </th>
                <th scope="col" className="px-3 pr-5 font-medium">
                  Reason and fix
                </th>
              </tr>
            </thead>
            {last.accounts.map((a) => (
              <AccountGroup key={a.accountId} account={a} />
            ))}
          </table>
        </div>
      )}
    </Card>
  );
}
