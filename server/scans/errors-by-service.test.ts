import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanError } from "@/lib/schemas/scan";
import { emptyInventory } from "@/server/checks/testing/inventory-fixture";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { scoreFindings } from "@/server/scoring/score";
import { getLastScanErrors, groupScanErrors } from "./errors-by-service";
import { completeScan, failScan, insertScan } from "./repository";
import { storeResults } from "./store-results";

const PROD = "111122223333";
const SANDBOX = "444455556666";
const KMS_DENIED = "AccessDeniedException: not authorized to perform: kms:ListKeys";

function error(over: Partial<ScanError> & Pick<ScanError, "part">): ScanError {
  return { accountId: SANDBOX, region: "us-east-1", reason: "AccessDenied", ...over };
}

const SANDBOX_ERRORS: ScanError[] = [
  error({ part: "bedrock.enforcedGuardrails", reason: "denied A", action: "bedrock:ListEnforcedGuardrailsConfiguration" }),
  error({
    part: "bedrock.enforcedGuardrails",
    region: "eu-west-1",
    reason: "denied A",
    action: "bedrock:ListEnforcedGuardrailsConfiguration",
  }),
  error({ part: "bedrock.agents", region: "eu-west-1", reason: "denied B", action: "bedrock:ListAgents" }),
  error({ part: "kms.keys", region: "eu-west-1", reason: KMS_DENIED, action: "kms:ListKeys" }),
];

describe("groupScanErrors", () => {
  it("groups by account then service (the part's first segment), counting every error", () => {
    const grouped = groupScanErrors(
      [...SANDBOX_ERRORS, error({ accountId: PROD, part: "iam", reason: "throttled" })],
      new Map([[SANDBOX, "sandbox"]]),
    );
    expect(grouped.map((a) => [a.accountId, a.accountName, a.count])).toEqual([
      [SANDBOX, "sandbox", 4],
      [PROD, null, 1],
    ]);
    const [bedrock, kms] = grouped[0]?.services ?? [];
    expect(bedrock).toEqual({
      service: "bedrock",
      count: 3,
      parts: ["bedrock.agents", "bedrock.enforcedGuardrails"],
      regions: ["eu-west-1", "us-east-1"],
      reasons: ["denied A", "denied B"],
      actions: ["bedrock:ListAgents", "bedrock:ListEnforcedGuardrailsConfiguration"],
    });
    expect(kms).toMatchObject({ service: "kms", count: 1, reasons: [KMS_DENIED], actions: ["kms:ListKeys"] });
    // A part without a dot is its own service; an error without an action asks for no grant.
    expect(grouped[1]?.services).toEqual([
      { service: "iam", count: 1, parts: ["iam"], regions: ["us-east-1"], reasons: ["throttled"], actions: [] },
    ]);
  });

  it("orders accounts and services by error count, then by name", () => {
    const grouped = groupScanErrors(
      [
        error({ accountId: PROD, part: "s3.buckets" }),
        error({ accountId: PROD, part: "ec2.vpcs" }),
        error({ accountId: SANDBOX, part: "logs.logGroups" }),
        error({ accountId: SANDBOX, part: "cloudwatch.alarms" }),
        error({ accountId: SANDBOX, part: "logs.logGroups", region: "eu-west-1" }),
      ],
      new Map([
        [PROD, "prod"],
        [SANDBOX, "sandbox"],
      ]),
    );
    expect(grouped.map((a) => a.accountName)).toEqual(["sandbox", "prod"]);
    expect(grouped.map((a) => a.services.map((s) => s.service))).toEqual([
      ["logs", "cloudwatch"],
      ["ec2", "s3"],
    ]);
  });

  it("keeps a whole-collection failure (*) and a target problem as services of their own", () => {
    const [account] = groupScanErrors([
      error({ part: "*", reason: "Collection failed: timeout" }),
      error({ part: "targets", region: "global", reason: "denied", action: "account:ListRegions" }),
    ]);
    expect(account?.services.map((s) => [s.service, s.parts, s.regions, s.actions])).toEqual([
      ["*", ["*"], ["us-east-1"], []],
      ["targets", ["targets"], ["global"], ["account:ListRegions"]],
    ]);
  });

  it("is empty for a scan that collected everything", () => {
    expect(groupScanErrors([])).toEqual([]);
  });
});

describe.each(ENGINES)("getLastScanErrors on %s", (_name, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t.close();
  });

  async function completed(id: string, at: string, errors: ScanError[]): Promise<void> {
    await insertScan(t.db, { id, source: "demo", requestedBy: "a@b", settings: {}, now: at });
    const inventories = [
      { ...emptyInventory(), accountId: SANDBOX, accountName: "halcyon-sandbox" },
      { ...emptyInventory(), accountId: PROD, accountName: "halcyon-prod" },
    ];
    await t.db.transaction().execute((trx) => storeResults(trx, id, [], inventories));
    await completeScan(t.db, id, { score: scoreFindings([]), errors, now: at, total: 1 });
  }

  it("is null before any scan completes: queued and failed scans do not count", async () => {
    await insertScan(t.db, { id: "first", source: "demo", requestedBy: "a@b", settings: {}, now: "2026-11-01T00:00:00.000Z" });
    expect(await getLastScanErrors(t.db)).toBeNull();
    await failScan(t.db, "first", "the process ended", "2026-11-01T00:01:00.000Z");
    expect(await getLastScanErrors(t.db)).toBeNull();
  });

  it("reads the latest completed scan's errors, named from its inventory snapshots", async () => {
    await completed("older", "2026-11-02T00:00:00.000Z", [error({ accountId: PROD, part: "iam", action: "iam:ListRoles" })]);
    await completed("latest", "2026-11-03T00:00:00.000Z", SANDBOX_ERRORS);

    const result = await getLastScanErrors(t.db);
    expect(result?.scan).toEqual({ id: "latest", createdAt: "2026-11-03T00:00:00.000Z", finishedAt: "2026-11-03T00:00:00.000Z" });
    expect(result?.total).toBe(4);
    expect(result?.accounts.map((a) => [a.accountName, a.services.map((s) => [s.service, s.count])])).toEqual([
      [
        "halcyon-sandbox",
        [
          ["bedrock", 3],
          ["kms", 1],
        ],
      ],
    ]);
  });

  it("says a scan without errors collected everything", async () => {
    await completed("clean", "2026-11-04T00:00:00.000Z", []);
    expect(await getLastScanErrors(t.db)).toMatchObject({ scan: { id: "clean" }, total: 0, accounts: [] });
  });
});
