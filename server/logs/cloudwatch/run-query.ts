import "server-only";
import { UpstreamError } from "@/server/http/errors";
import { toUnavailable } from "@/server/sources/aws/errors";
import {
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
  type ResultField,
} from "@aws-sdk/client-cloudwatch-logs";

/** One log group to query: where invocation logging writes for one account × region. */
export type LogTarget = { accountId: string; region: string; logGroupName: string; logs: CloudWatchLogsClient };

export const targetKey = (t: Pick<LogTarget, "accountId" | "region" | "logGroupName">) =>
  `${t.accountId}/${t.region}/${t.logGroupName}`;

export type QuerySpec = { query: string; startTime: number; endTime: number; limit: number };
export type Row = Record<string, string>;

export type RunOptions = {
  signal?: AbortSignal;
  /** Whole-query budget (start, polls, throttling waits); past it the query is stopped. */
  deadlineMs: number;
  pollInitialMs: number;
  pollMaxMs: number;
};

export const DEFAULT_RUN_OPTIONS: Omit<RunOptions, "signal"> = { deadlineMs: 60_000, pollInitialMs: 250, pollMaxMs: 2_000 };

/** Insights returns at most this many rows per query without paging (bedrock-formats.md 7.1). */
export const MAX_ROWS = 10_000;

const FAILED_STATUSES = ["Failed", "Timeout", "Cancelled", "Unknown"] as const;
/** Insights' own end states, our deadline, or an AWS call that failed (denied, throttled past the deadline…). */
type FailedStatus = (typeof FAILED_STATUSES)[number] | "Deadline" | "AwsError";

/** A Logs Insights query that did not complete; `status` says how, the message says where (and which IAM action, if denied). */
/** An UpstreamError, so the route wrapper shows its message (which query, which target, which IAM action) with a 502. */
export class LogQueryError extends UpstreamError {
  override readonly name = "LogQueryError";
  constructor(
    readonly queryStatus: FailedStatus,
    message: string,
    readonly action?: string,
  ) {
    super(message, action ? { action } : undefined);
  }
}

/** An SDK failure of one call, as a LogQueryError naming the IAM action (toUnavailable's wording). */
function awsFailure(error: unknown, action: string, where: string): LogQueryError {
  if (error instanceof LogQueryError) return error;
  const u = toUnavailable(error, action);
  return new LogQueryError("AwsError", `${where}: ${u.reason}`, u.action);
}

/** Codes meaning "too many queries or calls right now": waited out within the deadline. */
const BUSY = new Set(["LimitExceededException", "ThrottlingException", "TooManyRequestsException"]);

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException("The query was cancelled.", "AbortError");
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const rowOf = (fields: ResultField[]): Row =>
  Object.fromEntries(fields.flatMap((f) => (f.field === undefined || f.value === undefined ? [] : [[f.field, f.value]])));

/**
 * Runs one query on one target: StartQuery, then GetQueryResults with backoff until it completes.
 * Cancelling (the caller's signal) or passing the deadline stops the query in AWS, so an abandoned
 * explorer request does not keep scanning (and billing) a log group.
 */
export async function runQuery(target: LogTarget, spec: QuerySpec, options: RunOptions): Promise<Row[]> {
  const where = `${target.accountId}/${target.region} (${target.logGroupName})`;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new LogQueryError("Deadline", `The query on ${where} took too long.`)),
    options.deadlineMs,
  );
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let queryId: string | undefined;
  try {
    queryId = await startQuery(target, spec, signal, options).catch((error: unknown) => {
      throw awsFailure(error, "logs:StartQuery", where);
    });
    let wait = options.pollInitialMs;
    for (;;) {
      await sleep(wait, signal);
      wait = Math.min(wait * 2, options.pollMaxMs);
      const out = await target.logs
        .send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal })
        .catch((error: unknown) => {
          throw awsFailure(error, "logs:GetQueryResults", where);
        });
      const status = out.status ?? "Unknown";
      if (status === "Complete") return (out.results ?? []).map(rowOf);
      if ((FAILED_STATUSES as readonly string[]).includes(status)) {
        queryId = undefined;
        throw new LogQueryError(status as FailedStatus, `The CloudWatch Logs Insights query on ${where} ended as ${status}.`);
      }
    }
  } catch (error) {
    // Whatever ended the wait (cancel, deadline, a failed poll), the query must not keep running.
    if (queryId !== undefined) void stopQuery(target, queryId);
    if (deadline.signal.aborted && !options.signal?.aborted) throw deadline.signal.reason as Error;
    if (options.signal?.aborted) throw abortError(options.signal);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function startQuery(target: LogTarget, spec: QuerySpec, signal: AbortSignal, options: RunOptions): Promise<string> {
  let wait = options.pollInitialMs;
  for (;;) {
    try {
      const out = await target.logs.send(
        new StartQueryCommand({
          logGroupNames: [target.logGroupName],
          startTime: spec.startTime,
          endTime: spec.endTime,
          queryString: spec.query,
          limit: Math.min(spec.limit, MAX_ROWS),
        }),
        { abortSignal: signal },
      );
      if (out.queryId === undefined) throw new LogQueryError("Unknown", "StartQuery returned no query id.");
      return out.queryId;
    } catch (error) {
      // The SDK has already retried with backoff; a concurrent-query quota needs a longer wait.
      if (!(error instanceof Error) || !BUSY.has(error.name)) throw error;
      await sleep(wait, signal);
      wait = Math.min(wait * 2, options.pollMaxMs);
    }
  }
}

/** Best effort: the query may already have finished, and a failure here must not mask the abort. */
async function stopQuery(target: LogTarget, queryId: string): Promise<void> {
  try {
    await target.logs.send(new StopQueryCommand({ queryId }));
  } catch {
    // Nothing to do: the query ends by itself at Insights' own timeout.
  }
}
