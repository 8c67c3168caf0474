import "server-only";
import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { PER_SERVICE_CONCURRENCY, mapLimit } from "./collect-kit";

/** AWS finishes these jobs in seconds; past this the role's date stays unknown (its check says ERROR). */
const JOB_DEADLINE_MS = 60_000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 4_000;

type RoleLike = { arn: string; documents: unknown[] };

/**
 * Whether a role's policies could grant Bedrock at all: a cheap textual filter so the two calls per
 * role are spent only where the stale-permissions check will look. It over-includes (any "*" or
 * NotAction), never under-includes.
 */
export function mayUseBedrock(documents: unknown[]): boolean {
  const text = JSON.stringify(documents);
  return /bedrock/i.test(text) || text.includes('"*"') || text.includes("NotAction");
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function lastBedrockUse(client: IAMClient, jobId: string, signal?: AbortSignal): Promise<string | null | undefined> {
  const deadline = Date.now() + JOB_DEADLINE_MS;
  for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
    // MaxItems 1000 returns every service in one page; the default of 100 could leave bedrock on page 4.
    const out = await client.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, MaxItems: 1000 }));
    if (out.JobStatus === "COMPLETED") {
      const bedrock = out.ServicesLastAccessed?.find((s) => s.ServiceNamespace === "bedrock");
      return bedrock?.LastAuthenticated?.toISOString() ?? null;
    }
    if (out.JobStatus === "FAILED" || Date.now() + wait > deadline) return undefined;
    await sleep(wait, signal);
  }
}

/**
 * When each role last used Bedrock (IAM service last accessed). Jobs for all roles start first so
 * AWS computes them in parallel, then each is polled. A role whose job cannot be started or read
 * is simply absent from the map: its check reports ERROR naming these two actions, while the rest
 * of the IAM part stays usable.
 */
export async function bedrockLastAccessed(
  client: IAMClient,
  roles: RoleLike[],
  signal?: AbortSignal,
): Promise<Map<string, string | null>> {
  const candidates = roles.filter((r) => mayUseBedrock(r.documents));
  const jobs = await mapLimit(candidates, PER_SERVICE_CONCURRENCY, async (role) => {
    const out = await client.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: role.arn })).catch(() => undefined);
    return { arn: role.arn, jobId: out?.JobId };
  });
  const result = new Map<string, string | null>();
  await mapLimit(jobs, PER_SERVICE_CONCURRENCY, async ({ arn, jobId }) => {
    if (jobId === undefined) return;
    const last = await lastBedrockUse(client, jobId, signal).catch(() => undefined);
    if (last !== undefined) result.set(arn, last);
  });
  return result;
}
