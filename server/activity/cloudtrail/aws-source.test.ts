import "server-only";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeAws } from "@/server/sources/aws/testing/fake-aws";
import { AwsActivitySource } from "./aws-source";
import { KeyedRateLimiter } from "./rate-limit";
import { BEDROCK_SOURCE } from "./scope";
import { serveLookupEvents, virtualClock, type LookupCall, type TrailEvent } from "./testing/fake-lookup";

const SELF = "111122223333";
const NOW = Date.parse("2026-11-27T06:00:00Z");
const DAY = 86_400_000;

let fake: FakeAws;
let sources: AwsActivitySource[];

beforeEach(() => {
  fake = new FakeAws();
  sources = [];
});
afterEach(async () => {
  for (const s of sources) s.dispose();
  await fake.stop();
});

async function source(regions: string[]) {
  fake.on("sts", "GetCallerIdentity", () => ({ Account: SELF, Arn: `arn:aws:iam::${SELF}:user/strata`, UserId: "AIDA" }));
  const events: TrailEvent[] = ["us-east-1", "eu-west-1"].flatMap((region, r) =>
    Array.from({ length: 30 }, (_, i) => ({
      id: `${region}-${i}`,
      time: NOW - (2 * i + r) * 60_000,
      source: BEDROCK_SOURCE,
      name: "UpdateGuardrail",
      account: "AKIDSELF",
      region,
    })),
  );
  const calls: LookupCall[] = [];
  serveLookupEvents(fake, events, () => Date.now(), calls);
  await fake.start();
  const clock = virtualClock(NOW);
  const s = new AwsActivitySource({
    accounts: { mode: "current", roleArns: [], roleName: "StrataReadOnly", sessionName: "strata-activity" },
    regions,
    homeRegion: "us-east-1",
    client: { endpoint: fake.url, credentials: { accessKeyId: "AKIDSELF", secretAccessKey: "x" } },
    limiter: new KeyedRateLimiter(2, clock),
    clock,
  });
  sources.push(s);
  return s;
}

describe("AwsActivitySource", () => {
  it("lists the configured accounts × regions merged newest first, filtered by region, and gets one event", async () => {
    const s = await source(["us-east-1", "eu-west-1"]);
    const window = { from: new Date(NOW - DAY), to: new Date(NOW) };
    const page = await s.list(window, null, 10);
    expect(page.events.map((e) => e.id)).toEqual([
      "us-east-1-0",
      "eu-west-1-0",
      "us-east-1-1",
      "eu-west-1-1",
      "us-east-1-2",
      "eu-west-1-2",
      "us-east-1-3",
      "eu-west-1-3",
      "us-east-1-4",
      "eu-west-1-4",
    ]);
    const next = await s.list(window, page.nextCursor, 10);
    expect(next.events[0]?.id).toBe("us-east-1-5");
    const ireland = await s.list({ ...window, regions: ["eu-west-1"] }, null, 3);
    expect(ireland.events.map((e) => e.id)).toEqual(["eu-west-1-0", "eu-west-1-1", "eu-west-1-2"]);
    expect((await s.get("eu-west-1-7"))?.name).toBe("UpdateGuardrail");
    expect(await s.get("missing")).toBeNull();
  });

  it("reports a region CloudTrail refuses as a notice instead of failing the page", async () => {
    fake.fault("cloudtrail", "LookupEvents", "denied", 1);
    const s = await source(["us-east-1"]);
    const page = await s.list({ from: new Date(NOW - DAY), to: new Date(NOW) }, null, 5);
    expect(page.notice).toContain(`${SELF}/us-east-1: Access denied for cloudtrail:LookupEvents`);
  });
});
