import "server-only";
import { createClients, destroyClients, type AwsClients } from "@/server/sources/aws/clients";
import type { FakeAws, FakeRequest } from "@/server/sources/aws/testing/fake-aws";
import type { LogTarget } from "../run-query";
import type { Discovery, TargetSource } from "../targets";

export type StartInput = { queryString: string; logGroupNames: string[]; startTime: number; endTime: number; limit?: number };
export type Answer = { rows?: Record<string, string>[]; statuses?: string[]; final?: string };

/** One invocation-log event as a log group holds it. */
export type FakeEvent = { t: number; id: string; message: string };

/** Insights' printed time, "2025-01-01 00:00:00.000". */
export const insightsTime = (t: number) => new Date(t).toISOString().replace("T", " ").replace("Z", "");

/**
 * CloudWatch Logs Insights behind the fake endpoint: StartQuery hands out ids, GetQueryResults walks
 * through the answer's statuses (Running…) before its final one, StopQuery is recorded. `answer`
 * decides, per query, what the "service" returns.
 */
export class FakeInsights {
  readonly started: StartInput[] = [];
  readonly stopped: string[] = [];
  private readonly queries = new Map<string, { input: StartInput; answer: Answer }>();

  constructor(
    fake: FakeAws,
    private answer: (input: StartInput) => Answer,
  ) {
    fake
      .on("logs", "StartQuery", (req: FakeRequest) => {
        const input = req.input as unknown as StartInput;
        this.started.push(input);
        const queryId = `q-${this.started.length}`;
        this.queries.set(queryId, { input, answer: { ...this.answer(input) } });
        return { queryId };
      })
      .on("logs", "GetQueryResults", (req: FakeRequest) => {
        const q = this.queries.get(String(req.input.queryId));
        if (q === undefined) return { status: "Unknown" };
        const next = q.answer.statuses?.shift();
        if (next !== undefined) return { status: next, results: [] };
        const status = q.answer.final ?? "Complete";
        const results = (q.answer.rows ?? []).map((r) => Object.entries(r).map(([field, value]) => ({ field, value })));
        return { status, results: status === "Complete" ? results : [], statistics: { recordsMatched: results.length } };
      })
      .on("logs", "StopQuery", (req: FakeRequest) => {
        this.stopped.push(String(req.input.queryId));
        return { success: true };
      });
  }

  respond(answer: (input: StartInput) => Answer): void {
    this.answer = answer;
  }
}

/**
 * A minimal evaluator of the store's own search queries over `events` (not of Insights in general):
 * the keyset and tie filters, the two sort orders and the limit. Among equal timestamps it returns
 * rows in *ascending* id order, the opposite of the page order, so a cut inside one millisecond
 * really drops the rows the store must not skip.
 */
export function evaluateSearch(events: FakeEvent[], query: string, limit: number): Record<string, string>[] {
  const keyset = /toMillis\(@timestamp\) < (\d+) or \(toMillis\(@timestamp\) = \d+ and requestId < "([^"]+)"\)/.exec(query);
  const tie = /\| filter toMillis\(@timestamp\) = (\d+)\n/.exec(query);
  let rows = events.filter((e) => !keyset || e.t < Number(keyset[1]) || (e.t === Number(keyset[1]) && e.id < (keyset[2] ?? "")));
  if (tie) rows = rows.filter((e) => e.t === Number(tie[1]));
  rows = query.includes("sort requestId desc")
    ? [...rows].sort((a, b) => (a.id < b.id ? 1 : -1))
    : [...rows].sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : 1));
  return rows.slice(0, limit).map((e) => ({ "@timestamp": insightsTime(e.t), requestId: e.id, "@message": e.message }));
}

/** Log targets whose CloudWatch Logs clients talk to the fake, without discovery. */
export class StaticTargets implements TargetSource {
  private readonly clients: AwsClients[] = [];
  readonly targets: LogTarget[];

  constructor(
    endpoint: string,
    places: { accountId: string; region: string; logGroupName: string }[],
    private readonly skipped: string[] = [],
  ) {
    this.targets = places.map((p) => {
      const c = createClients({
        region: p.region,
        endpoint,
        credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "x" },
        maxAttempts: 3,
      });
      this.clients.push(c);
      return { ...p, logs: c.logs };
    });
  }

  async discover(): Promise<Discovery> {
    return { targets: this.targets, skipped: this.skipped };
  }

  dispose(): void {
    for (const c of this.clients) destroyClients(c);
  }
}
