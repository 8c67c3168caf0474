import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { guardrailMetricsResponseSchema } from "@/lib/schemas/guardrail-metrics";
import { ValidationError } from "@/server/http/errors";
import { FakeAws, FakeError } from "@/server/sources/aws/testing/fake-aws";
import { callerRegion } from "@/server/sources/aws/testing/org-estate";
import { AwsGuardrailMetricsSource } from "./aws-source";

const SELF = "111122223333";
const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-20T00:00:00Z");
const arnIn = (region: string) => `arn:aws:bedrock:${region}:${SELF}:guardrail/abc123`;

let fake: FakeAws;
let sources: AwsGuardrailMetricsSource[];
/** Regions whose CloudWatch refuses GetMetricData, and whose answer is not parseable. */
let denied: string[];

beforeEach(async () => {
  denied = [];
  sources = [];
  fake = new FakeAws()
    .on("sts", "GetCallerIdentity", () => ({ Account: SELF, Arn: `arn:aws:iam::${SELF}:user/strata`, UserId: "AIDA" }))
    .on("cloudwatch", "ListMetrics", (r) => ({
      Metrics: [
        {
          Namespace: "AWS/Bedrock/Guardrails",
          MetricName: r.input.MetricName,
          Dimensions: [
            { Name: "GuardrailArn", Value: arnIn(callerRegion(r)) },
            { Name: "GuardrailVersion", Value: "1" },
          ],
        },
      ],
    }))
    .on("cloudwatch", "GetMetricData", (r) => {
      if (denied.includes(callerRegion(r)))
        throw new FakeError(
          "AccessDenied",
          `User: arn:aws:iam::${SELF}:user/strata is not authorized to perform: cloudwatch:GetMetricData`,
          403,
        );
      const queries = r.input.MetricDataQueries as { Id: string }[];
      return {
        MetricDataResults: queries.map((q) => ({
          Id: q.Id,
          Timestamps: [(T0 + HOUR) / 1000],
          Values: [7],
          StatusCode: "Complete",
        })),
      };
    });
  await fake.start();
});
afterEach(async () => {
  for (const s of sources) s.dispose();
  await fake.stop();
});

function source(regions: string[]) {
  const s = new AwsGuardrailMetricsSource({
    accounts: { mode: "current", roleArns: [], roleName: "StrataReadOnly", sessionName: "strata-guardrail-metrics" },
    regions,
    homeRegion: "us-east-1",
    client: { endpoint: fake.url, credentials: { accessKeyId: "AKIDSELF", secretAccessKey: "x" }, maxAttempts: 2 },
  });
  sources.push(s);
  return s;
}

const RANGE = { from: new Date(T0), to: new Date(T0 + 3 * HOUR), bucket: "hour" as const };

describe("AwsGuardrailMetricsSource", () => {
  it("reads every account × region; a denied one becomes an error naming the action and hides nothing else", async () => {
    denied = ["eu-west-1"];
    const r = guardrailMetricsResponseSchema.parse(await source(["us-east-1", "eu-west-1"]).read(RANGE));
    expect(r.source).toBe("cloudwatch");
    expect(r.targets.map((t) => [t.accountId, t.region])).toEqual([[SELF, "us-east-1"]]);
    expect(r.targets[0]?.guardrails[0]).toMatchObject({ arn: arnIn("us-east-1"), version: "1" });
    expect(r.targets[0]?.guardrails[0]?.points.map((p) => p.invocations)).toEqual([0, 7, 0]);
    expect(r.errors).toEqual([
      {
        accountId: SELF,
        region: "eu-west-1",
        message: expect.stringMatching(/Access denied for cloudwatch:GetMetricData/) as unknown,
      },
    ]);
  });

  it("filters targets by account and region", async () => {
    const s = source(["us-east-1", "eu-west-1"]);
    expect((await s.read({ ...RANGE, regions: ["eu-west-1"] })).targets.map((t) => t.region)).toEqual(["eu-west-1"]);
    expect((await s.read({ ...RANGE, accountIds: ["999999999999"] })).targets).toEqual([]);
  });

  it("quotes a metric response that does not parse, in its target's error only", async () => {
    fake.fault("cloudwatch", "GetMetricData", "malformed", 1);
    const r = await source(["us-east-1"]).read(RANGE);
    expect(r.targets).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/could not be parsed/);
    expect(r.errors[0]?.message).toContain("truncated");
  });

  it("says a target stayed throttled after the SDK's retries", async () => {
    fake.fault("cloudwatch", "ListMetrics", "throttle");
    const r = await source(["us-east-1"]).read(RANGE);
    expect(r.errors[0]?.message).toMatch(/cloudwatch:ListMetrics.*Still throttled after retries/s);
  });

  it("refuses a range with too many points before calling AWS", async () => {
    const calls = fake.calls.length;
    await expect(
      source(["us-east-1"]).read({ from: new Date(T0), to: new Date(T0 + 30 * 24 * HOUR), bucket: "minute" }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(fake.calls.length).toBe(calls);
  });
});
