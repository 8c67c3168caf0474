import "server-only";
import { accountByKey, type AccountKey, type DemoRegion } from "@/server/sources/demo/accounts";
import { PROD, SANDBOX, STAGING } from "@/server/sources/demo/names";
import { inputBody, outputBody, type Call } from "./bodies";
import { applyGuardrail, latencies, pickError, pickOperation } from "./calls";
import { HOSTILE_CONTENT } from "./hostile";
import { ROUTES, type ModelChoice } from "./models";
import { Rng, seedOf } from "./random";
import { scenarioPools, type Scenario } from "./scenarios";
import { buildSchedule } from "./schedule";
import { stolenCall } from "./stolen-key";
import type { Workload } from "./workloads";

export type DemoRecordOptions = { count: number; end: Date; days?: number };
/** A raw record exactly as Bedrock logs it: plain JSON values only. */
export type RawDemoRecord = Record<string, unknown>;

/** Where over-100 KB bodies go: the logging configuration's large-data bucket and prefix. */
const LARGE_DATA: Record<AccountKey, Record<DemoRegion, string>> = {
  prod: {
    "us-east-1": `${PROD.buckets.logsUse1}/large-payloads`,
    "eu-west-1": `${PROD.buckets.logsEuw1}/large-payloads`,
  },
  staging: { "us-east-1": `${STAGING.buckets.logs}/bedrock`, "eu-west-1": `${STAGING.buckets.logs}/bedrock` },
  sandbox: { "us-east-1": `${SANDBOX.buckets.scratch}/bedrock-large`, "eu-west-1": `${SANDBOX.buckets.scratch}/bedrock-large` },
};

const MAX_TOKENS = [512, 1024, 2048, 4096] as const;

/** What one record is about, before it is laid out in the logged shape. */
export type Invocation = {
  account: AccountKey;
  region: DemoRegion;
  principal: string;
  model: ModelChoice;
  call: Call;
  errorCode: string | null;
  metadata: Record<string, string> | null;
  offload: { input: boolean; output: boolean };
};

function hostileIndexes(count: number): Map<number, number> {
  const n = Math.min(HOSTILE_CONTENT.length, count);
  const out = new Map<number, number>();
  for (let j = 0; j < n; j++) out.set(Math.floor(((j + 0.5) * count) / n), j);
  return out;
}

function ordinaryCall(rng: Rng, workload: Workload, load: number): Invocation {
  const region = workload.regions.draw(rng);
  const model = workload.models[region]?.draw(rng);
  const principals = workload.principals[region];
  if (!model || !principals) throw new Error(`workload ${workload.name} has no models or principals in ${region}`);
  const principal = rng.pick(principals);
  const scenario: Scenario = rng.pick(scenarioPools()[workload.tasks.draw(rng)]);
  const op = pickOperation(model.family, rng);
  const errorCode = pickError(rng, workload.errorScale, load);
  const embedding = model.family === "titanEmbed" || model.family === "cohereEmbed";
  const guarded = errorCode === null && !embedding ? applyGuardrail(rng, workload, region, op, scenario) : null;
  const truncated = !guarded && !embedding && rng.chance(0.015);
  const outputTokens = guarded?.call.outputTokens ?? (truncated ? 1024 : scenario.outputTokens);
  const call: Call = {
    op,
    model,
    system: scenario.system,
    prompt: guarded?.prompt ?? scenario.prompt,
    shown: guarded?.call.shown ?? scenario.response,
    stopReason: guarded?.call.stopReason ?? (truncated ? "max_tokens" : "end_turn"),
    inputTokens: scenario.inputTokens,
    outputTokens,
    ...latencies(rng, model, outputTokens),
    guardrailConfig: guarded?.call.guardrailConfig ?? null,
    trace: guarded?.call.trace ?? null,
    intervened: guarded?.call.intervened ?? false,
    streamSentinel: rng.chance(0.1),
  };
  // Over 100 KB of JSON is roughly 25k tokens or more; such bodies are only in S3.
  const offloadInput = errorCode === null && rng.chance(workload.offload);
  const offloadOutput = offloadInput && rng.chance(0.3);
  if (offloadInput) call.inputTokens = rng.between(26_000, 60_000);
  if (offloadOutput) call.outputTokens = rng.between(25_000, 32_000);
  const metadata = workload.metadata
    ? { app: workload.metadata.app, tenant: rng.pick(workload.metadata.tenants), env: workload.metadata.env }
    : null;
  return {
    account: workload.account,
    region,
    principal,
    model,
    call,
    errorCode,
    metadata,
    offload: { input: offloadInput, output: offloadOutput },
  };
}

function inferenceRegion(rng: Rng, model: ModelChoice, region: DemoRegion): string | null {
  if (!model.geography) return null;
  // Most profile calls are served where they were made; the rest spill over within the geography.
  return rng.chance(0.45) ? region : rng.pick(ROUTES[model.geography]);
}

function layout(rng: Rng, inv: Invocation, timestamp: string, requestId: string): RawDemoRecord {
  const { call } = inv;
  const accountId = accountByKey(inv.account).id;
  const maxTokens = rng.pick(MAX_TOKENS);
  const hourPath = `${timestamp.slice(0, 4)}/${timestamp.slice(5, 7)}/${timestamp.slice(8, 10)}/${timestamp.slice(11, 13)}`;
  const dataPath = `s3://${LARGE_DATA[inv.account][inv.region]}/AWSLogs/${accountId}/BedrockModelInvocationLogs/${inv.region}/${hourPath}/data/${requestId}`;
  const input: Record<string, unknown> = { inputContentType: "application/json" };
  if (inv.offload.input) input.inputBodyS3Path = `${dataPath}_input.json.gz`;
  else input.inputBodyJson = inputBody(call, maxTokens);
  input.inputTokenCount = inv.errorCode ? 0 : call.inputTokens;
  if (call.model.family === "anthropic" && !inv.errorCode) {
    input.cacheReadInputTokenCount = 0;
    input.cacheWriteInputTokenCount = 0;
  }
  const record: RawDemoRecord = {
    schemaType: "ModelInvocationLog",
    schemaVersion: "1.0",
    timestamp,
    accountId,
    identity: { arn: inv.principal },
    region: inv.region,
    requestId,
    operation: call.op,
    modelId: call.model.id,
    input,
  };
  if (inv.errorCode) {
    record.errorCode = inv.errorCode;
  } else {
    const output: Record<string, unknown> = { outputContentType: "application/json" };
    if (inv.offload.output) output.outputBodyS3Path = `${dataPath}_output.json.gz`;
    else output.outputBodyJson = outputBody(call, rng);
    output.outputTokenCount = call.outputTokens;
    record.output = output;
  }
  const routed = inferenceRegion(rng, call.model, inv.region);
  if (routed) record.inferenceRegion = routed;
  if (inv.metadata) record.requestMetadata = inv.metadata;
  return record;
}

/**
 * Raw model-invocation log records for the demo estate over [end − days, end), oldest first,
 * `count` of them. Streams: memory stays at one hour's records. The same arguments always give the
 * same records; request ids also depend on `end` and `count`, so two different sets never collide.
 */
export function* generateDemoRecords({ count, end, days = 30 }: DemoRecordOptions): Generator<RawDemoRecord> {
  if (!Number.isInteger(count) || count < 0) throw new Error("count must be a whole number");
  if (!Number.isInteger(days) || days < 1) throw new Error("days must be a whole number of at least 1");
  const rng = new Rng(seedOf("halcyon-invocations"));
  const ids = new Rng(seedOf(`halcyon-request-ids/${end.getTime()}/${count}/${days}`));
  const endMs = end.getTime();
  const firstSecond = Math.ceil((endMs - days * 86_400_000) / 1000) * 1000;
  const hostile = hostileIndexes(count);
  const hostileDue: number[] = [];
  let index = 0;
  for (const slot of buildSchedule(count, end, days)) {
    const n = slot.normal + slot.stolen;
    const seconds = Array.from({ length: n }, () => rng.int(3600)).sort((a, b) => a - b);
    let stolenLeft = slot.stolen;
    for (let k = 0; k < n; k++) {
      // Selection sampling: exactly `slot.stolen` of the hour's records are the stolen key's.
      const stolen = stolenLeft > 0 && rng.float() * (n - k) < stolenLeft;
      if (stolen) stolenLeft--;
      const invocation = stolen ? stolenCall(rng) : ordinaryCall(rng, slot.workloads.draw(rng), slot.load);
      const variant = hostile.get(index);
      if (variant !== undefined) hostileDue.push(variant);
      // Hostile text goes to the next successful chat call, where both prompt and answer are shown.
      const chat =
        invocation.errorCode === null && invocation.model.family !== "titanEmbed" && invocation.model.family !== "cohereEmbed";
      const content = chat && hostileDue.length > 0 ? HOSTILE_CONTENT[hostileDue.shift() ?? 0] : undefined;
      if (content) {
        invocation.call = { ...invocation.call, prompt: content.prompt, shown: content.response };
        invocation.offload = { input: false, output: false };
        if (content.metadata) invocation.metadata = content.metadata;
      }
      const ms = Math.min(Math.max(Math.floor(slot.start / 1000) * 1000 + (seconds[k] ?? 0) * 1000, firstSecond), endMs - 1);
      const timestamp = `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
      yield layout(rng, invocation, timestamp, ids.uuid());
      index++;
    }
  }
}
