import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { DEMO_USERS } from "@/server/auth/demo-users";
import { checkSettings } from "@/server/config/check-settings";
import { env, isDemo } from "@/server/config/env";
import { scheduleStatus, type ScheduleStatus } from "@/server/scans/scheduler";
import { formatDateTime } from "@/components/posture/format";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-2.5 sm:grid-cols-[14rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm text-(--muted)">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function List({ items, empty, mono }: { items: readonly string[]; empty: string; mono?: boolean }) {
  if (items.length === 0) return <span className="text-(--muted)">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {items.map((i) => (
        <span key={i} className={`rounded-md border border-(--border) px-1.5 py-0.5 text-xs ${mono ? "font-mono" : ""}`}>
          {i}
        </span>
      ))}
    </span>
  );
}

/** Where the data lives, without the credentials a PostgreSQL URL may carry. */
function databaseLabel(url: string | undefined, dataDir: string): string {
  if (!url) return `SQLite (embedded), ${dataDir}/strata.db`;
  try {
    const u = new URL(url);
    return `PostgreSQL, ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

function Schedule({ status }: { status: ScheduleStatus }) {
  if (status.interval === null) return <span className="text-(--muted)">Off (set STRATA_SCAN_INTERVAL, e.g. 6h)</span>;
  const engine = status.engine === "postgres-queue" ? "PostgreSQL job queue (one scan across all instances)" : "in this process";
  return (
    <span>
      Every {status.interval}, {engine}
      <span className="block text-xs text-(--muted)">
        Next due {status.nextDueAt ? formatDateTime(status.nextDueAt) : "now"}
        {status.lastScheduledScanAt ? ` · last scheduled scan ${formatDateTime(status.lastScheduledScanAt)}` : ""}
      </span>
    </span>
  );
}

export async function ConfigCard() {
  const e = env();
  const schedule = await scheduleStatus();
  const s = checkSettings();
  const roleMap = Object.entries(e.STRATA_ROLE_MAP).map(([group, role]) => `${group} → ${ROLE_LABEL[role]}`);
  return (
    <Card aria-labelledby="config-title">
      <CardHeader
        id="config-title"
        title="Configuration in effect"
        description="Read-only: Strata is configured with environment variables. Change them and restart to apply."
      />
      <div className="border-t border-(--border)">
        <h3 className="px-5 pt-4 pb-1 text-xs font-medium tracking-wide text-(--muted) uppercase">Data</h3>
        <dl className="divide-y divide-(--border)">
          <Row term="Source">{e.STRATA_SOURCE === "demo" ? "Demo estate (fictional, built in)" : "AWS accounts"}</Row>
          {e.STRATA_SOURCE === "aws" && (
            <Row term="AWS requests in flight">
              {e.STRATA_AWS_MAX_CONCURRENT_REQUESTS} at most across a scan; 8 per service and region
            </Row>
          )}
          <Row term="Database">{databaseLabel(e.DATABASE_URL, e.STRATA_DATA_DIR)}</Row>
          <Row term="Scan concurrency">{e.STRATA_SCAN_CONCURRENCY} account × region collections at once</Row>
          <Row term="Scheduled scans">
            <Schedule status={schedule} />
          </Row>
        </dl>
      </div>
      <div className="border-t border-(--border)">
        <h3 className="px-5 pt-4 pb-1 text-xs font-medium tracking-wide text-(--muted) uppercase">Check settings</h3>
        <dl className="divide-y divide-(--border)">
          <Row term="Approved regions">
            <List items={s.approvedRegions} empty="None" mono />
          </Row>
          <Row term="Approved inference geographies">
            <List items={s.approvedGeographies} empty="None" mono />
          </Row>
          <Row term="Minimum log retention">{s.minLogRetentionDays} days</Row>
          <Row term="Maximum agent idle session">{s.maxAgentIdleSessionSeconds} seconds</Row>
          <Row term="Trusted accounts">
            <List items={s.trustedAccountIds} empty="None besides each scanned account" mono />
          </Row>
        </dl>
      </div>
      <div className="border-t border-(--border)">
        <h3 className="px-5 pt-4 pb-1 text-xs font-medium tracking-wide text-(--muted) uppercase">Sign-in</h3>
        <dl className="divide-y divide-(--border)">
          <Row term="Single sign-on (OIDC)">
            {e.AUTH_OIDC_ISSUER ? (
              <>
                {e.AUTH_OIDC_NAME} · <span className="font-mono text-xs">{e.AUTH_OIDC_ISSUER}</span>
              </>
            ) : (
              <span className="text-(--muted)">Not configured</span>
            )}
          </Row>
          {e.AUTH_OIDC_ISSUER && (
            <Row term={`Group → role (claim "${e.AUTH_OIDC_GROUPS_CLAIM}")`}>
              <List items={roleMap} empty="No group mapped: nobody can sign in" />
            </Row>
          )}
          <Row term="Demo users">
            {isDemo() ? (
              <List items={DEMO_USERS.map((u) => `${u.name} (${ROLE_LABEL[u.role]})`)} empty="None" />
            ) : (
              <span className="text-(--muted)">Off (AWS source)</span>
            )}
          </Row>
        </dl>
      </div>
    </Card>
  );
}
