import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { getScan, insertScan } from "@/server/scans/repository";
import { runScan } from "@/server/scans/run-scan";
import { AwsSource, type AwsSourceOptions } from "./aws-source";
import { FakeAws, FakeError } from "./testing/fake-aws";
import { HUB_KEY, MANAGEMENT, MEMBER, SUSPENDED, addOrgEstate, callerAccount, type OrgEstateOptions } from "./testing/org-estate";

let fake: FakeAws;
let sources: AwsSource[];
/** Who each call came from, so tests can prove which credentials reached which API. */
let callers: { operation: string; account: string; input: Record<string, unknown> }[];

async function start(options: OrgEstateOptions = {}) {
  fake = new FakeAws();
  addOrgEstate(fake, options);
  // Record the caller of the calls that matter, around the estate's own handlers.
  for (const [service, operation] of [
    ["sts", "AssumeRole"],
    ["iam", "GetAccountAuthorizationDetails"],
    ["organizations", "ListRoots"],
  ] as const) {
    const handler = fake["handlers"].get(`${service}:${operation}`);
    fake.on(service, operation, (req) => {
      callers.push({ operation, account: callerAccount(req), input: req.input });
      return handler?.(req);
    });
  }
  await fake.start();
}

function source(overrides: Partial<AwsSourceOptions> = {}): AwsSource {
  const s = new AwsSource({
    accounts: {
      mode: "organization",
      roleArns: [],
      externalId: "ext-123",
      roleName: "StrataReadOnly",
      sessionName: "strata-scan",
    },
    homeRegion: "us-east-1",
    client: { endpoint: fake.url, credentials: { accessKeyId: HUB_KEY, secretAccessKey: "hub" }, maxAttempts: 2 },
    ...overrides,
  });
  sources.push(s);
  return s;
}

beforeEach(() => {
  sources = [];
  callers = [];
});
afterEach(async () => {
  for (const s of sources) s.dispose();
  await fake.stop();
});

describe("AwsSource, organization mode, end to end", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await sqliteTestDb();
    await insertScan(t.db, { id: "s", source: "aws", requestedBy: "test", settings: {}, now: new Date().toISOString() });
  });
  afterEach(() => t.close());

  const scan = (src: AwsSource) =>
    runScan({ db: t.db, source: src, checks: CHECKS, context: { settings: DEFAULT_CHECK_SETTINGS }, concurrency: 4 }, "s");
  const findings = (checkId: string) =>
    t.db
      .selectFrom("findings")
      .select(["account_id", "region", "status", "message"])
      .where("check_id", "=", checkId)
      .orderBy("account_id")
      .orderBy("region")
      .execute();

  it("discovers the active accounts, assumes the role with the external id, and scans two accounts × two regions", async () => {
    await start();
    const src = source();
    expect(await src.listTargets()).toEqual([
      { accountId: MANAGEMENT, accountName: "management", regions: ["eu-west-1", "us-east-1"] },
      { accountId: MEMBER, accountName: "member", regions: ["eu-west-1", "us-east-1"] },
    ]);
    await scan(src);

    expect(await getScan(t.db, "s")).toMatchObject({ status: "completed", errors: [] });
    // The member has no invocation logging; the management account has it, in both regions.
    expect(await findings("bedrock-invocation-logging-enabled")).toEqual([
      expect.objectContaining({ account_id: MEMBER, region: "eu-west-1", status: "FAIL" }),
      expect.objectContaining({ account_id: MEMBER, region: "us-east-1", status: "FAIL" }),
      expect.objectContaining({ account_id: MANAGEMENT, region: "eu-west-1", status: "PASS" }),
      expect.objectContaining({ account_id: MANAGEMENT, region: "us-east-1", status: "PASS" }),
    ]);
    const all = await t.db.selectFrom("findings").select(["account_id"]).distinct().execute();
    expect(all.map((r) => r.account_id).sort()).toEqual([MEMBER, MANAGEMENT]);
    expect(all.some((r) => r.account_id === SUSPENDED)).toBe(false);

    // One AssumeRole for the member (cached across its regions), by the hub, with the external id.
    const assumes = callers.filter((c) => c.operation === "AssumeRole");
    expect(assumes).toEqual([
      {
        operation: "AssumeRole",
        account: MANAGEMENT,
        input: expect.objectContaining({ RoleArn: `arn:aws:iam::${MEMBER}:role/StrataReadOnly`, ExternalId: "ext-123" }),
      },
    ]);
    // IAM is account-wide: once per account, each with its own credentials — not once per region.
    const iam = callers.filter((c) => c.operation === "GetAccountAuthorizationDetails").map((c) => c.account);
    expect(new Set(iam)).toEqual(new Set([MANAGEMENT, MEMBER]));
    expect(fake.callCount("iam", "GetAccountAuthorizationDetails")).toBe(iam.length);
    expect(iam.length).toBeLessThanOrEqual(2 * 3); // the fixture pages its details three times at most
    // The organization's policies are read by the management account for every member.
    expect(new Set(callers.filter((c) => c.operation === "ListRoots").map((c) => c.account))).toEqual(new Set([MANAGEMENT]));
  });

  it("reports a member whose role cannot be assumed as ERROR naming sts:AssumeRole, and still scans the rest", async () => {
    await start({ denyAssume: [MEMBER] });
    await scan(source({ regions: { list: ["us-east-1", "eu-west-1"], origin: "STRATA_AWS_REGIONS" } }));
    const result = await getScan(t.db, "s");
    expect(result?.status).toBe("completed");
    const memberErrors = result?.errors.filter((e) => e.accountId === MEMBER) ?? [];
    expect(memberErrors.length).toBeGreaterThan(0);
    expect(memberErrors.every((e) => e.action === "sts:AssumeRole")).toBe(true);
    const rows = await findings("bedrock-invocation-logging-enabled");
    expect(rows.filter((r) => r.account_id === MEMBER).map((r) => r.status)).toEqual(["ERROR", "ERROR"]);
    expect(rows.find((r) => r.account_id === MEMBER)?.message).toContain("sts:AssumeRole");
    expect(rows.filter((r) => r.account_id === MANAGEMENT).map((r) => r.status)).toEqual(["PASS", "PASS"]);
  });

  it("records a region-discovery denial in the scan's errors and still scans the account's home region", async () => {
    await start();
    fake.fault("ec2", "DescribeRegions", "denied");
    await scan(source({ onlyAccounts: [MANAGEMENT] }));
    const result = await getScan(t.db, "s");
    expect(result?.errors).toContainEqual(
      expect.objectContaining({ accountId: MANAGEMENT, part: "targets", action: "ec2:DescribeRegions" }),
    );
    expect((await findings("bedrock-invocation-logging-enabled")).map((r) => [r.region, r.status])).toEqual([
      ["us-east-1", "PASS"],
    ]);
  });

  it("fails the scan with the action to grant when the organization cannot be listed", async () => {
    await start();
    fake.fault("organizations", "ListAccounts", "denied");
    await scan(source());
    const result = await getScan(t.db, "s");
    expect(result?.status).toBe("failed");
    expect(result?.error).toContain("organizations:ListAccounts");
  });
});

describe("AwsSource, other account modes", () => {
  it("current credentials: one account, the caller's, in the discovered regions", async () => {
    await start({ regions: ["us-east-1", "eu-west-1", "ap-east-1"] });
    const d = await source({ accounts: { mode: "current", roleArns: [], roleName: "x", sessionName: "s" } }).describe();
    expect(d).toMatchObject({ kind: "aws", accountMode: "current", problems: [] });
    // ap-east-1 is enabled but has no Bedrock endpoint; af-south-1 has Bedrock but is not opted in.
    expect(d.accounts).toEqual([
      {
        accountId: MANAGEMENT,
        name: MANAGEMENT,
        origin: "current credentials",
        roleArn: null,
        regions: ["eu-west-1", "us-east-1"],
        regionsOrigin: "discovered: enabled regions where Bedrock is available",
      },
    ]);
    expect(fake.callCount("sts", "AssumeRole")).toBe(0);
  });

  it("role ARNs: makes no call to list accounts, assumes each role, and tests each connection", async () => {
    await start({ denyAssume: ["121212121212"] });
    const src = source({
      accounts: {
        mode: "roles",
        roleArns: [`arn:aws:iam::${MEMBER}:role/StrataReadOnly`, "arn:aws:iam::121212121212:role/StrataReadOnly"],
        externalId: "ext-9",
        roleName: "unused",
        sessionName: "strata-scan",
      },
      regions: { list: ["eu-west-1"], origin: "STRATA_AWS_REGIONS" },
    });
    expect((await src.listTargets()).map((t) => t.accountId)).toEqual([MEMBER, "121212121212"]);
    expect(fake.callCount("organizations")).toBe(0);
    expect(fake.callCount("sts")).toBe(0); // nothing is assumed until needed

    expect(await src.testConnection(MEMBER)).toMatchObject({
      ok: true,
      arn: `arn:aws:sts::${MEMBER}:assumed-role/StrataReadOnly/strata-scan`,
    });
    const denied = await src.testConnection("121212121212");
    expect(denied).toMatchObject({ ok: false, action: "sts:AssumeRole" });
    expect(denied.ok === false && denied.error).toContain("not authorized to perform: sts:AssumeRole");
    expect(await src.testConnection("000000000000")).toMatchObject({ ok: false, error: expect.stringContaining("not among") });
  });

  it("--accounts narrows to accounts in effect and names the ones that are not", async () => {
    await start();
    expect((await source({ onlyAccounts: [MEMBER] }).listTargets()).map((t) => t.accountId)).toEqual([MEMBER]);
    await expect(source({ onlyAccounts: ["123456789012"] }).listTargets()).rejects.toThrow(
      /--accounts 123456789012: not among the accounts in effect/,
    );
  });

  it("describe() reports a region-discovery denial as a problem with the action, and keeps the account", async () => {
    await start();
    fake.fault("ec2", "DescribeRegions", "denied");
    const d = await source({ accounts: { mode: "current", roleArns: [], roleName: "x", sessionName: "s" } }).describe();
    expect(d.accounts.map((a) => [a.accountId, a.regions])).toEqual([[MANAGEMENT, ["us-east-1"]]]);
    expect(d.problems).toEqual([expect.objectContaining({ accountId: MANAGEMENT, action: "ec2:DescribeRegions" })]);
  });
});

describe("AwsSource, one account × region", () => {
  it("turns an operation the region does not offer into NOT_APPLICABLE parts and a malformed response into a quoted reason", async () => {
    await start();
    fake.fault("bedrock-agent", "ListAgents", "malformed");
    fake.on("bedrock", "ListEnforcedGuardrailsConfiguration", () => {
      throw new FakeError("UnknownOperationException", "Unknown operation", 400);
    });
    const src = source({ accounts: { mode: "current", roleArns: [], roleName: "x", sessionName: "s" } });
    const raw = (await src.collect({ accountId: MANAGEMENT, accountName: "m", regions: ["eu-west-1"] }, "eu-west-1")) as {
      bedrock: Record<string, { status: string; reason?: string; notInRegion?: boolean }>;
    };
    expect(raw.bedrock.agents?.status).toBe("unavailable");
    expect(raw.bedrock.agents?.reason).toMatch(/could not be parsed .*"\{\\"truncated\\": \[1, 2,"/);
    expect(raw.bedrock.enforcedGuardrails).toMatchObject({ status: "unavailable", notInRegion: true });
  });
});
