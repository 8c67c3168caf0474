import "server-only";
import { GLOBAL_REGION } from "@/lib/schemas/finding";
import type { FindingRow } from "@/lib/schemas/posture";
import { getCheck, type RegisteredCheck } from "@/server/checks/registry";
import { FRAMEWORKS } from "@/server/compliance/frameworks";
import { COMPLIANCE_STATUS, SEVERITY_ID } from "./status";

export type OcsfFindingInput = Pick<
  FindingRow,
  "id" | "checkId" | "accountId" | "region" | "resourceArn" | "status" | "severity" | "category" | "message"
>;

export type ComplianceFindingsInput = {
  scan: { id: string; finishedAt: string };
  findings: readonly OcsfFindingInput[];
  productVersion: string;
  /** Defaults to the check registry; tests pass their own. */
  lookupCheck?: (id: string) => RegisteredCheck | undefined;
};

export type OcsfRecord = Record<string, unknown>;

const CLASS = { uid: 2003, name: "Compliance Finding", categoryUid: 2, categoryName: "Findings" } as const;
const CREATE = { id: 1, name: "Create" } as const;
const SEVERITY_CAPTION = { 5: "Critical", 4: "High", 3: "Medium", 2: "Low" } as const;

const FRAMEWORK_ORDER = new Map(FRAMEWORKS.map((f, i) => [f.id as string, i]));
const FRAMEWORK_LABEL = new Map(FRAMEWORKS.map((f) => [f.id as string, `${f.name} ${f.version}`]));

function compare(a: OcsfFindingInput, b: OcsfFindingInput): number {
  for (const k of ["checkId", "accountId", "region", "resourceArn", "id"] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/** `arn:partition:service:region:account:type/name` → partition and `service:type`; non-ARNs keep neither. */
function arnParts(arn: string): { partition?: string; type?: string } {
  const parts = arn.split(":");
  if (parts[0] !== "arn" || parts.length < 6) return {};
  const resource = parts.slice(5).join(":");
  const type = resource.includes("/") || parts.length > 6 ? resource.split(/[/:]/)[0] : undefined;
  return { partition: parts[1], type: type ? `${parts[2]}:${type}` : parts[2] };
}

type CheckParts = { title: string; desc?: string; standards: string[]; requirements: string[]; check?: RegisteredCheck };

/** What every finding of one check shares, computed once per check. */
function checkParts(checkId: string, check: RegisteredCheck | undefined): CheckParts {
  const mapped = Object.entries(check?.frameworks ?? {}).sort(
    ([a], [b]) => (FRAMEWORK_ORDER.get(a) ?? 99) - (FRAMEWORK_ORDER.get(b) ?? 99),
  );
  return {
    title: check?.title ?? checkId,
    ...(check && { desc: check.rationale, check }),
    standards: mapped.map(([fw]) => FRAMEWORK_LABEL.get(fw) ?? fw),
    requirements: mapped.flatMap(([fw, ids]) => ids.map((id) => `${fw} ${id}`)),
  };
}

function toRecord(f: OcsfFindingInput, parts: CheckParts, input: ComplianceFindingsInput, time: number): OcsfRecord {
  const { check } = parts;
  const severityId = SEVERITY_ID[f.severity];
  const region = f.region === GLOBAL_REGION ? undefined : f.region;
  const { partition, type } = arnParts(f.resourceArn);
  const uid = `${input.scan.id}/${f.id}`;
  return {
    activity_id: CREATE.id,
    activity_name: CREATE.name,
    category_uid: CLASS.categoryUid,
    category_name: CLASS.categoryName,
    class_uid: CLASS.uid,
    class_name: CLASS.name,
    type_uid: CLASS.uid * 100 + CREATE.id,
    type_name: `${CLASS.name}: ${CREATE.name}`,
    severity_id: severityId,
    severity: SEVERITY_CAPTION[severityId],
    // The finding record is new in this scan; its compliance verdict is in `compliance`.
    status_id: 1,
    status: "New",
    time,
    message: f.message,
    metadata: {
      version: "1.2.0",
      profiles: ["cloud"],
      product: { name: "Strata", vendor_name: "Strata", version: input.productVersion },
      uid,
    },
    finding_info: {
      uid,
      title: parts.title,
      ...(parts.desc !== undefined && { desc: parts.desc }),
      types: [f.category],
      created_time: time,
      first_seen_time: time,
    },
    compliance: {
      control: f.checkId,
      standards: [...parts.standards],
      requirements: [...parts.requirements],
      ...COMPLIANCE_STATUS[f.status],
      status_code: f.status,
      status_detail: f.message,
    },
    resource: {
      uid: f.resourceArn,
      ...(type && { type }),
      ...(region && { region }),
      ...(partition && { cloud_partition: partition }),
    },
    cloud: { provider: "AWS", account: { uid: f.accountId, type: "AWS Account", type_id: 10 }, ...(region && { region }) },
    ...(check && {
      remediation: {
        desc: check.remediation.console.join(" "),
        references: [...check.references],
      },
    }),
    unmapped: {
      strata: {
        scan_id: input.scan.id,
        finding_id: f.id,
        region: f.region,
        ...(check && { remediation_cli: check.remediation.cli, remediation_terraform: check.remediation.terraform }),
      },
    },
  };
}

/**
 * One OCSF 1.2.0 Compliance Finding (class_uid 2003) per finding, sorted by check, account,
 * region, resource and id so the same scan always gives the same records in the same order.
 */
export function buildComplianceFindings(input: ComplianceFindingsInput): OcsfRecord[] {
  const time = Date.parse(input.scan.finishedAt);
  if (Number.isNaN(time)) throw new Error(`scan ${input.scan.id} has no valid finish time: ${input.scan.finishedAt}`);
  const lookup = input.lookupCheck ?? getCheck;
  const parts = new Map<string, CheckParts>();
  return [...input.findings].sort(compare).map((f) => {
    let p = parts.get(f.checkId);
    if (!p) parts.set(f.checkId, (p = checkParts(f.checkId, lookup(f.checkId))));
    return toRecord(f, p, input, time);
  });
}

/** JSON Lines: one record per line, each line ending in a newline. */
export function toJsonl(records: readonly OcsfRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join("");
}
