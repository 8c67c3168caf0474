import { describe, expect, it } from "vitest";
import type { LogFilter } from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import { parsePrincipal } from "../principal";
import {
  SIDE_UNSUPPORTED,
  countQuery,
  facetQuery,
  filterCommands,
  getQuery,
  guardrailCountQuery,
  guardrailIdFacetQuery,
  policyCountQuery,
  queryWindow,
  searchQuery,
  tieQuery,
  timeseriesQueries,
} from "./compile";
import { GUARDRAIL_ID_PARSE, INTERVENED, NOT_INTERVENED_BUT_TRACED, POLICY_FIRED } from "./signals";

const RANGE = { from: "2025-01-01T00:00:00Z", to: "2025-01-02T00:00:00Z" } as const;
const BASE = [
  'filter schemaType = "ModelInvocationLog"',
  "filter toMillis(@timestamp) >= 1735689600000 and toMillis(@timestamp) < 1735776000000",
];
/** The commands a filter adds to the time range. */
const own = (f: Partial<LogFilter>) => filterCommands({ ...RANGE, ...f }).slice(BASE.length);

describe("the empty filter", () => {
  it("is the record type and the millisecond time range, with StartQuery's inclusive seconds around it", () => {
    expect(filterCommands(RANGE)).toEqual(BASE);
    expect(queryWindow({ from: "2025-01-01T00:00:00.250Z", to: "2025-01-02T00:00:00.500Z" })).toEqual({
      startTime: 1735689600,
      endTime: 1735776001,
    });
  });

  it("makes the golden page, count, facet, timeseries and get queries", () => {
    expect(searchQuery(RANGE, undefined, 51)).toBe(
      ["fields @timestamp, requestId, @message", ...BASE, "sort @timestamp desc", "limit 51"].join("\n| "),
    );
    expect(countQuery(RANGE)).toBe([...BASE, "stats count(*) as n"].join("\n| "));
    expect(facetQuery(RANGE, "principals", 200)).toBe(
      [...BASE, "stats count(*) as n by identity.arn", "sort n desc", "limit 200"].join("\n| "),
    );
    const ts = timeseriesQueries(RANGE, "hour");
    expect(ts.invocations).toBe([...BASE, "stats count(*) as n by bin(1h)"].join("\n| "));
    expect(ts.errors).toBe([...BASE, "filter not isempty(errorCode)", "stats count(*) as n by bin(1h)"].join("\n| "));
    expect(ts.interventions).toBe([...BASE, `filter ${INTERVENED}`, "stats count(*) as n by bin(1h)"].join("\n| "));
    expect(timeseriesQueries(RANGE, "minute").invocations).toContain("by bin(1m)");
    expect(timeseriesQueries(RANGE, "day").invocations).toContain("by bin(1d)");
    expect(getQuery("9b6c3dc7-5ace-4a53-94f4-8dd7e551f41a")).toBe(
      [
        "fields @timestamp, requestId, @message",
        'filter schemaType = "ModelInvocationLog"',
        'filter requestId = "9b6c3dc7-5ace-4a53-94f4-8dd7e551f41a"',
        "limit 1",
      ].join("\n| "),
    );
  });

  it("pages by keyset, and reads one millisecond in request-id order", () => {
    const keyset =
      'filter toMillis(@timestamp) < 1735700000000 or (toMillis(@timestamp) = 1735700000000 and requestId < "req-9")';
    expect(searchQuery(RANGE, { t: 1735700000000, id: "req-9" }, 11).split("\n| ")).toEqual([
      "fields @timestamp, requestId, @message",
      ...BASE,
      keyset,
      "sort @timestamp desc",
      "limit 11",
    ]);
    expect(tieQuery(RANGE, 1735700000000, { t: 1735700000000, id: "req-9" }, 11).split("\n| ").slice(-4)).toEqual([
      keyset,
      "filter toMillis(@timestamp) = 1735700000000",
      "sort requestId desc",
      "limit 11",
    ]);
  });
});

describe("each filter field", () => {
  it.each<[string, Partial<LogFilter>, string[]]>([
    ["accounts", { accountIds: ["111122223333", "444455556666"] }, ['filter accountId in ["111122223333", "444455556666"]']],
    ["regions", { regions: ["us-east-1", "us-gov-west-1"] }, ['filter region in ["us-east-1", "us-gov-west-1"]']],
    [
      "models (ids and ARNs)",
      { modelIds: ["anthropic.claude-3-haiku-20240307-v1:0", "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.x"] },
      [
        'filter modelId in ["anthropic.claude-3-haiku-20240307-v1:0", "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.x"]',
      ],
    ],
    ["operations", { operations: ["Converse"] }, ['filter operation in ["Converse"]']],
    [
      "principals",
      { principalArns: ["arn:aws:sts::111122223333:assumed-role/App/s-1", "bedrock.amazonaws.com"] },
      ['filter identity.arn in ["arn:aws:sts::111122223333:assumed-role/App/s-1", "bedrock.amazonaws.com"]'],
    ],
    [
      "roles",
      { roles: ["AppRole", "Ops+Admin"] },
      [
        String.raw`parse identity.arn /^arn:[^:]+:(?:sts|iam)::[0-9]*:(?:assumed-role|role(?:\/[^\/]+)*)\/(?<strataRole>[^\/]+)/`,
        'filter strataRole in ["AppRole", "Ops+Admin"]',
      ],
    ],
    ["error codes", { errorCodes: ["ThrottlingException"] }, ['filter errorCode in ["ThrottlingException"]']],
    ["has an error", { hasError: true }, ["filter not isempty(errorCode)"]],
    ["has no error", { hasError: false }, ["filter isempty(errorCode)"]],
    ["intervened", { guardrailActions: ["INTERVENED"] }, [`filter (${INTERVENED})`]],
    ["guardrail NONE", { guardrailActions: ["NONE"] }, [`filter (${NOT_INTERVENED_BUT_TRACED})`]],
    [
      "policy types, any of",
      { guardrailPolicyTypes: ["pii", "topic"] },
      [`filter (${POLICY_FIRED.pii}) or (${POLICY_FIRED.topic})`],
    ],
    [
      "guardrail ids: the trace's id, else the request's identifier",
      { guardrailIds: ["gr1alpha", "x9"] },
      [
        String.raw`parse @message /"(?:inputAssessment|input|outputAssessments|outputs)"\s*:\s*\[?\s*\{\s*"(?<strataGuardrailTraced>[a-z0-9]{1,64})"\s*:\s*[\[{]/`,
        String.raw`parse @message /"guardrailIdentifier"\s*:\s*"(?:arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d{12}:guardrail\/)?(?<strataGuardrailNamed>[a-z0-9]{1,64})"/`,
        'filter strataGuardrailTraced in ["gr1alpha", "x9"] or (isempty(strataGuardrailTraced) and strataGuardrailNamed in ["gr1alpha", "x9"])',
      ],
    ],
    ["cross-region", { crossRegion: true }, ["filter ispresent(inferenceRegion) and inferenceRegion != region"]],
    ["same region", { crossRegion: false }, ["filter not ispresent(inferenceRegion) or inferenceRegion = region"]],
    [
      "token ranges",
      { inputTokens: { min: 10, max: 20 }, outputTokens: { max: 0 } },
      [
        "filter coalesce(input.inputTokenCount, output.outputBodyJson.usage.inputTokens, output.outputBodyJson.usage.input_tokens, 0) >= 10",
        "filter coalesce(input.inputTokenCount, output.outputBodyJson.usage.inputTokens, output.outputBodyJson.usage.input_tokens, 0) <= 20",
        "filter coalesce(output.outputTokenCount, output.outputBodyJson.usage.outputTokens, output.outputBodyJson.usage.output_tokens, 0) <= 0",
      ],
    ],
    [
      "metadata key=value, backticked",
      {
        metadata: [
          { key: "team", value: "risk ops" },
          { key: "app:env-1.x", value: "" },
        ],
      },
      ['filter `requestMetadata.team` = "risk ops"', 'filter `requestMetadata.app:env-1.x` = ""'],
    ],
    [
      "free text, word by word, case-insensitive, punctuation hex-escaped",
      { text: "Rob a-bank (now)" },
      [String.raw`filter @message like /(?i)Rob/ and @message like /(?i)a\x2dbank/ and @message like /(?i)\x28now\x29/`],
    ],
    ["free text without a letter or digit", { text: "-- ..." }, ["filter 1 = 0"]],
  ])("%s", (_, filter, expected) => {
    expect(own(filter)).toEqual(expected);
  });

  it("combines fields in a fixed order, one filter command each (commands AND together)", () => {
    const lines = own({ text: "hi", accountIds: ["111122223333"], hasError: true, roles: ["R"], modelIds: ["m"] });
    expect(lines.map((l) => l.split(" ")[1])).toEqual(["accountId", "modelId", "identity.arn", "strataRole", "not", "@message"]);
  });

  it("treats empty lists as no filter", () => {
    expect(own({ accountIds: [], roles: [], guardrailActions: [], guardrailPolicyTypes: [], metadata: [] })).toEqual([]);
  });

  it("counts guardrail ids by both parsed fields, parsing once even when the filter already parsed", () => {
    const lines = guardrailIdFacetQuery(RANGE, 200).split("\n| ");
    expect(lines.slice(BASE.length)).toEqual([
      ...GUARDRAIL_ID_PARSE,
      "stats count(*) as n by strataGuardrailTraced, strataGuardrailNamed",
      "sort n desc",
      "limit 200",
    ]);
    const filtered = guardrailIdFacetQuery({ ...RANGE, guardrailIds: ["abc"] }, 200).split("\n| ");
    expect(filtered.filter((l) => l.startsWith("parse @message"))).toEqual(GUARDRAIL_ID_PARSE);
  });

  it("counts each policy type with the filter's own predicate", () => {
    expect(policyCountQuery(RANGE, "pii")).toBe([...BASE, `filter ${POLICY_FIRED.pii}`, "stats count(*) as n"].join("\n| "));
  });

  it("counts guardrail actions with the same predicates as the filter", () => {
    expect(guardrailCountQuery(RANGE, "INTERVENED")).toContain(`filter ${INTERVENED}\n| stats count(*) as n`);
    expect(guardrailCountQuery(RANGE, "NONE")).toContain(`filter ${NOT_INTERVENED_BUT_TRACED}\n| stats count(*) as n`);
  });
});

describe("the role parse", () => {
  // The compiled regex, run in JS, must pick the same role name as principal.ts for every ARN shape.
  const regex = /^arn:[^:]+:(?:sts|iam)::[0-9]*:(?:assumed-role|role(?:\/[^/]+)*)\/(?<strataRole>[^/]+)/;
  it.each([
    "arn:aws:sts::123456789012:assumed-role/MyRole/session-name",
    "arn:aws-us-gov:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123/alice@example.com",
    "arn:aws:iam::123456789012:role/path/to/Deployer",
    "arn:aws:iam::123456789012:role/Plain",
    "arn:aws:iam::123456789012:user/bob",
    "arn:aws:iam::123456789012:root",
  ])("agrees with the normaliser on %s", (arn) => {
    expect(own({ roles: ["x"] })[0]).toContain(regex.source.replaceAll("[^/]", String.raw`[^\/]`));
    expect(regex.exec(arn)?.groups?.strataRole ?? null).toBe(parsePrincipal(arn).role);
  });
});

describe("rejection", () => {
  it.each<[Partial<LogFilter>, string]>([
    [{ accountIds: ["12345678901"] }, 'Account "12345678901" cannot be searched in CloudWatch: an AWS account id is 12 digits.'],
    [{ regions: ['us-east-1" or 1=1'] }, "a region looks like us-east-1"],
    [{ modelIds: ["model|stats count(*)"] }, "a model id"],
    [{ principalArns: ["arn:aws:sts::1:assumed-role/a\nb"] }, "a principal is an IAM or STS ARN"],
    [{ roles: ["a/b"] }, "an IAM role name"],
    [{ errorCodes: ["Err#x"] }, "an error code"],
    [{ metadata: [{ key: "a`b", value: "v" }] }, "Metadata key"],
    [{ metadata: [{ key: "team", value: 'x" or "1"="1' }] }, 'it contains "\\""'],
    [{ metadata: [{ key: "team", value: "line\nbreak" }] }, "control characters"],
    [{ text: 'say "hi"' }, '"\\"" is not allowed'],
    [{ text: "back\\slash" }, "is not allowed"],
    [{ guardrailIds: ['a" or "1'] }, "a guardrail id is 1–64 lowercase letters and digits"],
    [{ guardrailIds: ["UPPER"] }, 'Guardrail id "UPPER" cannot be searched in CloudWatch'],
    [{ guardrailSides: ["input"] }, SIDE_UNSUPPORTED],
    [{ guardrailSides: ["output"], guardrailIds: ["abc"] }, "Filtering by guardrail side needs the embedded store"],
  ])("%o", (filter, message) => {
    const run = () => filterCommands({ ...RANGE, ...filter });
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(message);
  });

  it("refuses a query longer than StartQuery accepts", () => {
    const modelIds = Array.from({ length: 50 }, (_, i) => `${"m".repeat(250)}${i}`);
    expect(() => countQuery({ ...RANGE, modelIds })).toThrow(/at most 10000/);
  });

  it("refuses a bad cursor id or record id", () => {
    expect(() => searchQuery(RANGE, { t: 1, id: 'x" or "' }, 2)).toThrow(ValidationError);
    expect(() => getQuery("a b")).toThrow(ValidationError);
  });
});
