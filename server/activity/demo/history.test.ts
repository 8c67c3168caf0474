import "server-only";
import { describe, expect, it } from "vitest";
import { activityEventSchema } from "@/lib/schemas/activity";
import { generateDemoRecords } from "@/server/logs/demo/generate";
import { ATTACKER_MODELS } from "@/server/logs/demo/models";
import { STOLEN_KEY_ARN } from "@/server/logs/demo/workloads";
import { accountByKey } from "@/server/sources/demo/accounts";
import { SECURITY_EVENT_NAMES } from "../cloudtrail/scope";
import { normalizeLookupEvent } from "../event";
import { HISTORY_DAYS, demoHistory } from "./history";
import { IP } from "./kit";
import { DemoActivitySource } from "./source";

const END = new Date("2026-11-27T06:00:00Z");
const DAY = 86_400_000;
const history = demoHistory(END);
const events = history.events.map((e) => normalizeLookupEvent(e));
const byId = new Map(events.map((e) => [e.id, e]));
const sandbox = accountByKey("sandbox").id;
const hour = (iso: string) => iso.slice(0, 13);

describe("demoHistory", () => {
  it("is deterministic, newest first, inside the 90-day window, and every event normalises cleanly", () => {
    // A fresh end (no cache) computed twice gives identical events.
    const other = new Date(END.getTime() + 7 * DAY);
    const a = JSON.stringify(demoHistory(other).events);
    demoHistory(END);
    expect(JSON.stringify(demoHistory(other).events)).toBe(a);
    expect(events.length).toBeGreaterThan(2_000);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const times = events.map((e) => e.time);
    expect(times).toEqual([...times].sort().reverse());
    expect(times.at(-1)! >= new Date(END.getTime() - HISTORY_DAYS * DAY).toISOString()).toBe(true);
    expect(times[0]! < END.toISOString()).toBe(true);
    for (const e of events) expect(activityEventSchema.parse(e)).toEqual(e);
    expect(events.filter((e) => e.parseError !== null)).toEqual([]);
  });

  it("has routine work from several kinds of principal and client", () => {
    expect(new Set(events.map((e) => e.actor.type))).toEqual(new Set(["IAMUser", "AssumedRole"]));
    const agents = new Set(events.map((e) => e.userAgent?.split("/")[0]));
    for (const client of ["aws-cli", "APN", "Mozilla", "Boto3", "aws-sdk-js", "aws-sdk-java"]) expect(agents).toContain(client);
    for (const name of [
      "CreateGuardrail",
      "UpdateGuardrail",
      "CreateGuardrailVersion",
      "UpdateAgent",
      "PutModelInvocationLoggingConfiguration",
      "PutEventSelectors",
      "PutKeyPolicy",
    ])
      expect(events.some((e) => e.name === name)).toBe(true);
    // Non-Bedrock events are only those the CloudTrail reader would also look up.
    for (const e of events.filter((x) => x.source !== "bedrock.amazonaws.com"))
      expect(SECURITY_EVENT_NAMES[e.name]).toBe(e.source);
  });

  it("holds the sandbox incident: recon, logging deleted, text delivery off, guardrail weakened, in that order", () => {
    const { recon, loggingDeleted, textDeliveryOff, guardrailBaseline, guardrailWeakened, probe } = history.incident;
    const get = (x: { id: string } | undefined) => byId.get(x?.id ?? "");
    expect(recon.map((r) => r.name)).toEqual(
      expect.arrayContaining(["ListFoundationModels", "GetFoundationModelAvailability", "ListFoundationModelAgreementOffers"]),
    );
    const deleted = get(loggingDeleted[0]);
    const textOff = get(textDeliveryOff[0]);
    const weakened = get(guardrailWeakened[0]);
    const baseline = get(guardrailBaseline[0]);
    expect(deleted).toMatchObject({
      name: "DeleteModelInvocationLoggingConfiguration",
      accountId: sandbox,
      region: "eu-west-1",
      errorCode: null,
    });
    expect(textOff).toMatchObject({
      name: "PutModelInvocationLoggingConfiguration",
      accountId: sandbox,
      requestParameters: { loggingConfig: { textDataDeliveryEnabled: false } },
    });
    const strengths = (e: typeof weakened) =>
      Object.fromEntries(
        (
          e?.requestParameters as { contentPolicyConfig: { filtersConfig: { type: string; inputStrength: string }[] } }
        ).contentPolicyConfig.filtersConfig.map((f) => [f.type, f.inputStrength]),
      );
    expect(strengths(baseline)).toMatchObject({ PROMPT_ATTACK: "HIGH", HATE: "HIGH", VIOLENCE: "HIGH" });
    expect(strengths(weakened)).toEqual({ PROMPT_ATTACK: "LOW", HATE: "HIGH", INSULTS: "HIGH" });
    expect((weakened?.requestParameters as { guardrailIdentifier: string }).guardrailIdentifier).toBe(
      (baseline?.requestParameters as { guardrailIdentifier: string }).guardrailIdentifier,
    );
    // Story order: baseline long before; recon, then tampering, then the first probe.
    const lastRecon =
      recon
        .map((r) => r.time)
        .sort()
        .at(-1) ?? "";
    const firstProbe = probe.map((p) => p.time).sort()[0] ?? "";
    expect(guardrailBaseline[0]!.time < lastRecon).toBe(true);
    for (const t of [loggingDeleted[0]!.time, textDeliveryOff[0]!.time, guardrailWeakened[0]!.time]) {
      expect(t > lastRecon && t < firstProbe).toBe(true);
    }
    // All of the attack comes from the stolen key, from an address and client nobody else uses.
    const attack = [...recon, ...loggingDeleted, ...textDeliveryOff, ...guardrailWeakened, ...probe].map((x) => byId.get(x.id));
    expect(new Set(attack.map((e) => `${e?.actor.arn} ${e?.sourceIp}`))).toEqual(new Set([`${STOLEN_KEY_ARN} ${IP.attacker}`]));
    expect(events.filter((e) => e.sourceIp === IP.attacker)).toHaveLength(attack.length);
  });

  it("probes models in both regions at the invocation-log generator's stolen-key burst hours, mostly failing", () => {
    const attackerModels = new Set<string>(Object.values(ATTACKER_MODELS).map((m) => m.id));
    const logHours = new Set<string>();
    for (const r of generateDemoRecords({ count: 6_000, end: END })) {
      const arn = (r.identity as { arn?: string } | undefined)?.arn;
      if (arn === STOLEN_KEY_ARN && attackerModels.has(String(r.modelId))) logHours.add(hour(String(r.timestamp)));
    }
    const probes = history.incident.probe.map((p) => byId.get(p.id));
    expect(logHours.size).toBeGreaterThan(5);
    expect(new Set(probes.map((p) => hour(p?.time ?? "")))).toEqual(logHours);
    expect(new Set(probes.map((p) => p?.region))).toEqual(new Set(["us-east-1", "eu-west-1"]));
    expect(new Set(probes.map((p) => p?.name))).toEqual(new Set(["InvokeModel", "Converse"]));
    expect(new Set(probes.map((p) => (p?.requestParameters as { modelId: string }).modelId)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(probes.map((p) => p?.errorCode))).toEqual(
      new Set([null, "AccessDeniedException", "ValidationException", "ResourceNotFoundException"]),
    );
    expect(probes.filter((p) => p?.errorCode !== null).length).toBeGreaterThan(0.6 * probes.length);
  });

  it("has near misses: a guardrail raised, a draft re-saved unchanged, logging re-put with text on", () => {
    const created = events.find((e) => e.name === "CreateGuardrail");
    expect(created?.accountId).toBe(accountByKey("staging").id);
    const textOn = events.filter(
      (e) =>
        e.name === "PutModelInvocationLoggingConfiguration" &&
        (e.requestParameters as { loggingConfig: { textDataDeliveryEnabled: boolean } }).loggingConfig.textDataDeliveryEnabled,
    );
    expect(textOn.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.name === "UpdateGuardrail" && e.accountId !== sandbox).length).toBeGreaterThan(10);
  });
});

describe("DemoActivitySource", () => {
  const source = new DemoActivitySource(() => END);
  const week = { from: new Date(END.getTime() - 14 * DAY), to: END };

  it("pages through a filter newest first with a cursor, and finds events by id", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await source.list({ ...week, accountIds: [sandbox] }, cursor, 40);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const expected = events.filter((e) => e.accountId === sandbox && e.time >= week.from.toISOString()).map((e) => e.id);
    expect(seen).toEqual(expected);
    const id = history.incident.loggingDeleted[0]?.id ?? "";
    expect((await source.get(id))?.name).toBe("DeleteModelInvocationLoggingConfiguration");
    expect(await source.get("nope")).toBeNull();
  });

  it("filters by name, region and actor", async () => {
    const page = await source.list(
      { ...week, names: ["InvokeModel", "Converse"], regions: ["eu-west-1"], actorArn: STOLEN_KEY_ARN },
      null,
      500,
    );
    expect(page.events.length).toBeGreaterThan(0);
    expect(
      page.events.every(
        (e) => ["InvokeModel", "Converse"].includes(e.name) && e.region === "eu-west-1" && e.actor.arn === STOLEN_KEY_ARN,
      ),
    ).toBe(true);
    await expect(source.list(week, "garbage")).rejects.toThrow("not valid");
  });
});
