// `npm run bench:scan [-- --accounts 10 --regions 4 --latency 50 --max-requests 32 --jobs 8 ...]`:
// a real scan (runScan → AwsSource, organization mode) of a simulated AWS organization with a fixed
// latency per call, against its lower bound: calls × latency ÷ requests allowed in flight at once.
// Run with the CLI's mechanism (node --conditions=react-server --import tsx), so server code loads.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import { createDb, migrateToLatest } from "@/server/db/connect";
import { getScan, insertScan } from "@/server/scans/repository";
import { runScan } from "@/server/scans/run-scan";
import { AwsSource } from "@/server/sources/aws/aws-source";
import { createClients, destroyClients } from "@/server/sources/aws/clients";
import { Semaphore } from "@/server/sources/aws/concurrency";
import { HUB_KEY } from "@/server/sources/aws/testing/scale-estate";
import type { InventorySource } from "@/server/sources/types";
import { startFake, type FakeConfig, type FakeStats, type FromFake, type ToFake } from "./scan-fake";

const REGIONS = [
  "us-east-1",
  "eu-west-1",
  "ap-northeast-1",
  "us-west-2",
  "eu-central-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-west-3",
];
const { values: flags } = parseArgs({
  options: {
    accounts: { type: "string", default: "10" },
    regions: { type: "string", default: "4" },
    latency: { type: "string", default: "50" },
    "max-requests": { type: "string", default: "32" },
    "per-service": { type: "string", default: "8" },
    // Account × region jobs at once: runScan's concurrency, STRATA_SCAN_CONCURRENCY in the product.
    jobs: { type: "string", default: process.env.STRATA_SCAN_CONCURRENCY ?? "8" },
    "job-ms": { type: "string", default: "0" },
    fake: { type: "string", default: "process" },
    "no-baseline": { type: "boolean", default: false },
  },
});
const num = (
  name: "accounts" | "regions" | "latency" | "max-requests" | "per-service" | "jobs" | "job-ms",
  min = 0,
  max = 100_000,
) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
};
const config: FakeConfig = {
  accounts: num("accounts", 1, 1000),
  regions: REGIONS.slice(0, num("regions", 1, REGIONS.length)),
  latencyMs: num("latency"),
  lastAccessedJobMs: num("job-ms"),
};
const maxRequests = num("max-requests", 1);
const perService = num("per-service", 1);
const jobs = num("jobs", 1);

type Fake = { url: string; accounts: { id: string; name: string }[]; stats: () => Promise<FakeStats>; stop: () => Promise<void> };

/** The fake in a child process (default), talking over IPC; or in this process (--fake inline). */
async function openFake(): Promise<Fake> {
  if (flags.fake === "inline") {
    const fake = await startFake(config);
    return { url: fake.url, accounts: fake.accounts, stats: () => Promise.resolve(fake.stats()), stop: fake.stop };
  }
  const child: ChildProcess = fork(join(__dirname, "scan-fake.ts"), [JSON.stringify(config)], { execArgv: process.execArgv });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the fake exited (${code})`))));
  exited.catch(() => undefined);
  const next = () =>
    Promise.race([new Promise<FromFake>((resolve) => child.once("message", (m) => resolve(m as FromFake))), exited]);
  const ready = await next();
  if (ready.type !== "ready") throw new Error("the fake did not start");
  const ask = async (message: ToFake) => {
    const reply = next();
    child.send(message);
    return reply;
  };
  return {
    url: ready.url,
    accounts: ready.accounts,
    stats: async () => {
      const reply = await ask({ type: "stats" });
      if (reply.type !== "stats") throw new Error("unexpected reply from the fake");
      return reply;
    },
    stop: async () => {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send({ type: "stop" } satisfies ToFake);
      await gone;
    },
  };
}

/** Wraps a source to time its collection: first collect started, last one finished. */
function timed(source: InventorySource) {
  const times = { firstStart: Number.POSITIVE_INFINITY, lastEnd: 0 };
  const wrapped: InventorySource = {
    kind: source.kind,
    listTargets: (signal) => source.listTargets(signal),
    describe: (signal) => source.describe(signal),
    testConnection: (id, signal) => source.testConnection(id, signal),
    collect: async (target, region, signal) => {
      times.firstStart = Math.min(times.firstStart, performance.now());
      try {
        return await source.collect(target, region, signal);
      } finally {
        times.lastEnd = Math.max(times.lastEnd, performance.now());
      }
    },
  };
  return { wrapped, times };
}

async function scan(url: string) {
  const dir = mkdtempSync(join(tmpdir(), "strata-bench-scan-"));
  const db = createDb({ kind: "sqlite", file: join(dir, "strata.sqlite") });
  const source = new AwsSource({
    accounts: { mode: "organization", roleArns: [], roleName: "StrataReadOnly", sessionName: "strata-scan" },
    regions: { list: config.regions, origin: "bench" },
    homeRegion: config.regions[0] ?? "us-east-1",
    client: { endpoint: url, credentials: { accessKeyId: HUB_KEY, secretAccessKey: "hub" }, concurrencyPerService: perService },
    maxConcurrentRequests: maxRequests,
  });
  try {
    await migrateToLatest(db);
    await insertScan(db, { id: "bench", source: "aws", requestedBy: "bench", settings: {}, now: new Date().toISOString() });
    const { wrapped, times } = timed(source);
    let collected = 0;
    let cpu = { user: 0, system: 0 };
    let elu = performance.eventLoopUtilization();
    const cpuStart = process.cpuUsage();
    const eluStart = performance.eventLoopUtilization();
    const started = performance.now();
    await runScan(
      {
        db,
        source: wrapped,
        checks: CHECKS,
        context: { settings: DEFAULT_CHECK_SETTINGS },
        concurrency: jobs,
        onProgress: (p) => {
          if (!p.label.startsWith("Evaluating")) return;
          collected = performance.now();
          cpu = process.cpuUsage(cpuStart);
          elu = performance.eventLoopUtilization(eluStart);
        },
      },
      "bench",
    );
    const finished = performance.now();
    const result = await getScan(db, "bench");
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return {
      started,
      collected,
      finished,
      times,
      cpuMs,
      elu: elu.utilization,
      status: result?.status,
      errors: result?.errors ?? [],
      error: result?.error,
    };
  } finally {
    source.dispose();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same number of independent calls at the same concurrency: what this machine and fake reach at best. */
async function baseline(url: string, calls: number): Promise<{ wallMs: number; cpuMs: number }> {
  const clients = createClients({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: HUB_KEY, secretAccessKey: "hub" },
    concurrencyPerService: maxRequests,
    scanLimit: new Semaphore(maxRequests),
  });
  let left = calls;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    for (; left > 0; left--) await clients.sts.send(new GetCallerIdentityCommand({}));
  };
  await Promise.all(Array.from({ length: maxRequests }, worker));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  destroyClients(clients);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Mean requests in flight at the fake per second of collection, from its (timestamped) samples. */
function utilisation(stats: FakeStats, seconds: number): string[] {
  const sums = Array.from({ length: Math.ceil(seconds) }, () => ({ total: 0, n: 0 }));
  for (const [at, count] of stats.inFlight) {
    const bin = sums[Math.floor(at / 1000)];
    if (bin === undefined) continue;
    bin.total += count;
    bin.n += 1;
  }
  const means = sums.map((b) => (b.n === 0 ? "-" : (b.total / b.n).toFixed(0)));
  const rows: string[] = [];
  for (let i = 0; i < means.length; i += 20)
    rows.push(
      means
        .slice(i, i + 20)
        .map((m) => pad(m, 3))
        .join(" "),
    );
  return rows;
}

const SERVICES = [
  "bedrock",
  "bedrock-agent",
  "iam",
  "organizations",
  "sts",
  "ec2",
  "logs",
  "cloudwatch",
  "cloudtrail",
  "s3",
  "kms",
];
const SHORT: Record<string, string> = { "bedrock-agent": "agent", organizations: "org", cloudwatch: "cw", cloudtrail: "trail" };
const pad = (value: string | number, width: number) => String(value).padStart(width);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function callTable(stats: FakeStats, names: Map<string, string>): string[] {
  const rows = new Map<string, Map<string, number>>();
  for (const t of stats.tally) {
    const key = `${t.account}\t${t.region}`;
    const row = rows.get(key) ?? new Map<string, number>();
    row.set(t.service, (row.get(t.service) ?? 0) + t.count);
    rows.set(key, row);
  }
  const header = ["account".padEnd(12), "region".padEnd(15), ...SERVICES.map((s) => pad(SHORT[s] ?? s, 7)), pad("total", 7)];
  const line = (label: string[], row: Map<string, number>) => {
    const cells = SERVICES.map((s) => pad(row.get(s) ?? "", 7));
    return [
      ...label,
      ...cells,
      pad(
        [...row.values()].reduce((a, b) => a + b, 0),
        7,
      ),
    ].join(" ");
  };
  const totals = new Map<string, number>();
  for (const row of rows.values()) for (const [s, n] of row) totals.set(s, (totals.get(s) ?? 0) + n);
  return [
    header.join(" "),
    ...[...rows.entries()].map(([key, row]) => {
      const [account = "", region = ""] = key.split("\t");
      return line([(names.get(account) ?? account).padEnd(12), region.padEnd(15)], row);
    }),
    line(["total".padEnd(12), "".padEnd(15)], totals),
  ];
}

async function main(): Promise<void> {
  const fake = await openFake();
  try {
    const run = await scan(fake.url);
    const stats = await fake.stats();
    const calls = stats.calls.length;
    const bound = (calls * config.latencyMs) / maxRequests;
    const collection = run.collected - run.started;
    const base = !flags["no-baseline"] ? await baseline(fake.url, calls) : undefined;
    const names = new Map(fake.accounts.map((a) => [a.id, a.name]));
    const out = [
      `bench:scan — ${config.accounts} accounts × ${config.regions.length} regions (${config.regions.join(", ")}), ` +
        `${config.latencyMs} ms per call, fake endpoint ${flags.fake === "inline" ? "in this process" : "in its own process"}`,
      `allowed concurrency: ${maxRequests} AWS requests in flight scan-wide (${perService} per service client); ` +
        `${jobs} account × region jobs at once; IAM last-accessed jobs complete after ${config.lastAccessedJobMs} ms`,
      "",
      "API calls by account × region and service (IAM and Organizations are signed for the home region;",
      "Organizations calls for every member are made by the management account):",
      ...callTable(stats, names),
      "",
      `calls                 ${calls}`,
      `lower bound           ${calls} × ${config.latencyMs} ms ÷ ${maxRequests} = ${seconds(bound)}`,
      `collection (wall)     ${seconds(collection)}  = ${(collection / bound).toFixed(2)} × bound` +
        `  (first collect at ${seconds(run.times.firstStart - run.started)}, last done at ${seconds(run.times.lastEnd - run.started)})`,
      ...(base === undefined
        ? []
        : [
            `baseline (same run)   ${seconds(base.wallMs)}  = ${(base.wallMs / bound).toFixed(2)} × bound: ${calls} independent ` +
              `sts:GetCallerIdentity, ${maxRequests} at once, ${seconds(base.cpuMs)} CPU`,
          ]),
      `scan process          ${seconds(run.cpuMs)} CPU during collection (${((100 * run.cpuMs) / collection).toFixed(0)}% of one core), ` +
        `event loop ${(100 * run.elu).toFixed(0)}% busy; ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")} load average at the end`,
      `fake endpoint         ${seconds(stats.cpuMs)} CPU${flags.fake === "inline" ? " (the scan's own process)" : ""}; ` +
        `max ${stats.maxInFlight} requests in flight; mean in flight per second of collection:`,
      ...utilisation(stats, collection / 1000).map((row) => `  ${row}`),
      `evaluation + storing  ${seconds(run.finished - run.collected)}  (${CHECKS.length} checks)`,
      `total                 ${seconds(run.finished - run.started)}`,
      `scan                  ${run.status ?? "missing"}, ${run.errors.length} collection errors${run.error ? `: ${run.error}` : ""}`,
      ...run.errors.slice(0, 5).map((e) => `  ${e.accountId} ${e.region} ${e.part}: ${e.reason}`),
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    await fake.stop();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
