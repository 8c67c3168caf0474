import "server-only";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_REGIONS } from "@/server/sources/demo/accounts";
import { guardrailsFor } from "@/server/sources/demo/bedrock/guardrails";
import { normalizeRecord } from "../normalize";
import { GUARDRAIL_POLICY_TYPES, type InvocationRecord } from "../record";
import { generateDemoRecords, type RawDemoRecord } from "./generate";
import { STOLEN_KEY_ARN } from "./workloads";

const END = new Date("2026-11-27T06:00:00Z");
const DAY = 86_400_000;
const COUNT = 20_000;

const raw: RawDemoRecord[] = [...generateDemoRecords({ count: COUNT, end: END })];
const normalised = raw.map((r) => normalizeRecord(JSON.parse(JSON.stringify(r))));
const records: InvocationRecord[] = normalised.flatMap((r) => (r.ok ? [r.record] : []));

const hourOf = (r: InvocationRecord) => new Date(r.timestamp).getUTCHours();
const share = (list: InvocationRecord[], test: (r: InvocationRecord) => boolean) => list.filter(test).length / list.length;

describe("generateDemoRecords", () => {
  it("yields exactly count records, lazily", () => {
    expect(raw).toHaveLength(COUNT);
    const it = generateDemoRecords({ count: 5_000_000, end: END });
    // A streaming generator hands out the first record without building the rest.
    const started = performance.now();
    expect(it.next().done).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("is deterministic: the same arguments give the same records", () => {
    const again = [...generateDemoRecords({ count: COUNT, end: END })];
    expect(again).toEqual(raw);
  });

  it("moves with end: a week later gives the same calls a week later, under new request ids", () => {
    const later = [...generateDemoRecords({ count: 2_000, end: new Date(END.getTime() + 7 * DAY) })];
    const base = [...generateDemoRecords({ count: 2_000, end: END })];
    expect(later).toHaveLength(base.length);
    base.forEach((record, i) => {
      const moved = later[i];
      expect(Date.parse(String(moved?.timestamp)) - Date.parse(String(record.timestamp))).toBe(7 * DAY);
      expect(moved?.requestId).not.toBe(record.requestId);
      expect([moved?.operation, moved?.modelId, moved?.identity]).toEqual([record.operation, record.modelId, record.identity]);
    });
    const hourLater = [...generateDemoRecords({ count: 2_000, end: new Date(END.getTime() + 3_600_000) })];
    for (const r of hourLater) {
      const t = Date.parse(String(r.timestamp));
      expect(t).toBeGreaterThanOrEqual(END.getTime() + 3_600_000 - 30 * DAY);
      expect(t).toBeLessThan(END.getTime() + 3_600_000);
    }
  });

  it("writes plain JSON values only, and every record normalises without quarantine", () => {
    expect(JSON.parse(JSON.stringify(raw.slice(0, 2_000)))).toEqual(raw.slice(0, 2_000));
    const failures = normalised.flatMap((r, i) => (r.ok ? [] : [`${i}: ${r.reason}`]));
    expect(failures).toEqual([]);
    expect(new Set(records.map((r) => r.id)).size).toBe(COUNT);
  });

  it("keeps every timestamp in [end − 30 days, end), oldest first, at second precision", () => {
    let previous = 0;
    for (const r of raw) {
      const ts = String(r.timestamp);
      expect(ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const t = Date.parse(ts);
      expect(t).toBeGreaterThanOrEqual(END.getTime() - 30 * DAY);
      expect(t).toBeLessThan(END.getTime());
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    }
  });

  it("covers the estate: 3 accounts × 2 regions, every operation, several model families and principal types", () => {
    const pairs = new Set(records.map((r) => `${r.accountId}/${r.region}`));
    for (const a of DEMO_ACCOUNTS) for (const region of DEMO_REGIONS) expect(pairs).toContain(`${a.id}/${region}`);
    expect(new Set(records.map((r) => r.operation))).toEqual(
      new Set(["Converse", "ConverseStream", "InvokeModel", "InvokeModelWithResponseStream"]),
    );
    const models = new Set(records.map((r) => r.modelId ?? ""));
    for (const prefix of ["anthropic.", "us.anthropic.", "amazon.nova", "amazon.titan-embed", "meta.llama", "cohere.embed"]) {
      expect(
        [...models].some((m) => m.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect([...models].some((m) => m.includes(":application-inference-profile/"))).toBe(true);
    expect(new Set(records.map((r) => r.principal.type))).toEqual(new Set(["assumed-role", "iam-user", "federated"]));
    expect(new Set(records.map((r) => r.principal.arn)).size).toBeGreaterThan(40);
    expect(
      records.every(
        (r) => r.operation !== "InvokeModelWithResponseStream" || Array.isArray(r.outputBody) || r.error || r.bodyS3Paths.output,
      ),
    ).toBe(true);
    expect(records.some((r) => Array.isArray(r.outputBody) && r.outputBody.some((c) => typeof c === "string"))).toBe(true);
    expect(
      records
        .filter((r) => r.operation === "InvokeModelWithResponseStream" && !r.error && !r.bodyS3Paths.output)
        .every((r) => r.responseText !== ""),
    ).toBe(true);
  });

  it("has guardrail interventions of every policy type, on input, output and both sides, and traces that did not intervene", () => {
    const intervened = records.filter((r) => r.guardrail.action === "INTERVENED");
    expect(new Set(intervened.flatMap((r) => r.guardrail.policyTypes))).toEqual(new Set(GUARDRAIL_POLICY_TYPES));
    expect(new Set(intervened.map((r) => r.guardrail.side))).toEqual(new Set(["input", "output", "both"]));
    const quiet = records.filter((r) => r.guardrail.action === "NONE");
    expect(quiet.length).toBeGreaterThan(intervened.length);
    expect(quiet.some((r) => r.guardrail.policyTypes.includes("pii"))).toBe(true);
    expect(new Set(intervened.map((r) => r.guardrail.source))).toEqual(new Set(["stopReason", "guardrailAction", "streamChunk"]));
    // Both outputAssessments shapes: the logged array of maps and the API's map of arrays.
    const shapes = new Set(
      raw.flatMap((r) => {
        const trace = (r.output as { outputBodyJson?: { trace?: { guardrail?: { outputAssessments?: unknown } } } } | undefined)
          ?.outputBodyJson?.trace?.guardrail?.outputAssessments;
        return trace === undefined ? [] : [Array.isArray(trace) ? "array" : "map"];
      }),
    );
    expect(shapes).toEqual(new Set(["array", "map"]));
    const share = intervened.length / records.length;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.06);
  });

  it("names, in every trace, a guardrail the demo estate has in that account and region; several, on both sides", () => {
    const now = new Date(END);
    const estate = new Set(
      DEMO_ACCOUNTS.flatMap((account) =>
        DEMO_REGIONS.flatMap((region) => guardrailsFor({ account, region, now }).map((g) => `${account.id}/${region}/${g.id}`)),
      ),
    );
    const traced = records.filter((r) => r.guardrail.id !== null);
    expect(traced.length).toBeGreaterThan(records.length / 10);
    for (const r of traced) expect(estate, r.id).toContain(`${r.accountId}/${r.region}/${r.guardrail.id}`);
    const intervened = traced.filter((r) => r.guardrail.action === "INTERVENED");
    expect(new Set(intervened.map((r) => r.guardrail.id)).size).toBeGreaterThanOrEqual(4);
    // Each busy guardrail has findings on both sides, so a by-guardrail, by-side breakdown is not one-sided.
    const sidesOf = (id: string | null) => new Set(intervened.filter((r) => r.guardrail.id === id).map((r) => r.guardrail.side));
    const busiest = [...new Set(intervened.map((r) => r.guardrail.id))].filter((id) => sidesOf(id).size >= 2);
    expect(busiest.length).toBeGreaterThanOrEqual(3);
  });

  it("puts searchable PII-like strings in PII interventions", () => {
    const pii = records.filter((r) => r.guardrail.action === "INTERVENED" && r.guardrail.policyTypes.includes("pii"));
    expect(pii.some((r) => /[a-z]+\.[a-z]+\d*@mailbox\.example/.test(r.promptText))).toBe(true);
    expect(pii.some((r) => /\(555\) 01\d-\d{4}/.test(`${r.promptText} ${JSON.stringify(r.outputBody)}`))).toBe(true);
  });

  it("has errors, throttling, cross-region inference, S3-offloaded bodies and request metadata", () => {
    const codes = new Set(records.flatMap((r) => (r.error ? [r.error.code] : [])));
    for (const code of ["ThrottlingException", "ValidationException", "AccessDeniedException", "ResourceNotFoundException"]) {
      expect(codes).toContain(code);
    }
    const cross = records.filter((r) => r.crossRegion);
    expect(cross.length).toBeGreaterThan(100);
    expect(
      cross.every(
        (r) => (r.inferenceRegion !== r.region && /^(us|eu|global)\./.test(r.modelId ?? "")) || r.modelId?.startsWith("arn:"),
      ),
    ).toBe(true);
    const offloaded = raw.filter((r) => (r.input as { inputBodyS3Path?: string }).inputBodyS3Path);
    expect(offloaded.length).toBeGreaterThan(5);
    for (const r of offloaded) {
      expect(r.input).not.toHaveProperty("inputBodyJson");
      expect(String((r.input as { inputBodyS3Path: string }).inputBodyS3Path)).toMatch(
        /^s3:\/\/[a-z0-9.-]+\/.+\/AWSLogs\/\d{12}\/BedrockModelInvocationLogs\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/data\/[0-9a-f-]{36}_input\.json\.gz$/,
      );
    }
    expect(records.some((r) => r.bodyS3Paths.output !== null)).toBe(true);
    const tags = records.filter((r) => Object.keys(r.requestMetadata).length > 0);
    expect(tags.length / records.length).toBeGreaterThan(0.5);
    expect(new Set(tags.map((r) => r.requestMetadata.tenant)).size).toBeGreaterThan(5);
  });

  it("has a stolen key: night bursts, far more errors than anyone else, and models nobody else calls", () => {
    const stolen = records.filter((r) => r.principal.arn === STOLEN_KEY_ARN);
    const others = records.filter((r) => r.principal.arn !== STOLEN_KEY_ARN);
    const night = stolen.filter((r) => hourOf(r) >= 4 && hourOf(r) < 10);
    expect(night.length).toBeGreaterThan(0.8 * stolen.length);
    // Bursts: the night activity sits in a few hours, each far busier than any of the key's daytime hours.
    const perHour = new Map<string, number>();
    for (const r of night) perHour.set(r.timestamp.slice(0, 13), (perHour.get(r.timestamp.slice(0, 13)) ?? 0) + 1);
    const busiest = [...perHour.values()].sort((a, b) => b - a);
    expect(busiest.slice(0, 14).reduce((a, b) => a + b, 0)).toBeGreaterThan(0.95 * night.length);
    expect(busiest[0]).toBeGreaterThan(15);
    const errorRate = (list: InvocationRecord[]) => share(list, (r) => r.error !== null);
    expect(errorRate(stolen)).toBeGreaterThan(5 * errorRate(others));
    const otherModels = new Set(others.map((r) => r.modelId));
    const onlyStolen = new Set(stolen.map((r) => r.modelId).filter((m) => !otherModels.has(m)));
    expect(onlyStolen.size).toBeGreaterThanOrEqual(3);
    expect(new Set(night.map((r) => r.region)).size).toBeGreaterThan(1);
    const tokens = (list: InvocationRecord[]) => list.reduce((a, r) => a + r.tokens.output, 0) / list.length;
    expect(tokens(night.filter((r) => !r.error))).toBeGreaterThan(3 * tokens(others.filter((r) => !r.error)));
  });

  it("follows a daily rhythm: US clinic hours are busier than the middle of the night", () => {
    const others = records.filter((r) => r.principal.arn !== STOLEN_KEY_ARN);
    const at = (h: number) => others.filter((r) => hourOf(r) === h).length;
    expect(at(16)).toBeGreaterThan(3 * at(8));
  });

  it("includes hostile content for the UI to render inertly", () => {
    const texts = records.map((r) => `${r.promptText}\n${r.responseText}`);
    expect(texts.some((t) => t.includes("<script>"))).toBe(true);
    expect(texts.some((t) => t.includes("\u0000") && t.includes("\u202e"))).toBe(true);
    expect(raw.some((r) => JSON.stringify(r.input).length > 95_000)).toBe(true);
    expect(records.some((r) => Object.values(r.requestMetadata).some((v) => v.includes("<script>")))).toBe(true);
  });

  it("has enough vocabulary for full-text search to be selective", () => {
    const hits = (word: string) => share(records, (r) => r.promptText.toLowerCase().includes(word));
    for (const word of ["warfarin", "metformin", "colonoscopy", "creatinine"]) {
      expect(hits(word), word).toBeGreaterThan(0.001);
      expect(hits(word), word).toBeLessThan(0.1);
    }
  });
});
