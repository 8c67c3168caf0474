import "server-only";
import type { Attestation } from "@/lib/schemas/compliance";
import type { Status } from "@/lib/schemas/finding";
import { oscalString } from "./ids";
import { prop, type OscalCheck, type OscalFinding, type Prop } from "./types";

/** Bounds per observation, so a whole-estate export stays a document a reviewer's tool can open. */
const MAX_EXCERPTS = 20;
const MAX_EXCERPT_CHARS = 1_000;

const STATUS_ORDER: readonly Status[] = ["FAIL", "ERROR", "MANUAL", "PASS", "NOT_APPLICABLE"];

type Evidence = { description: string; props?: Prop[]; remarks?: string };
export type Observation = {
  uuid: string;
  title: string;
  description: string;
  props: Prop[];
  links?: { href: string; rel: string }[];
  methods: string[];
  subjects?: { "subject-uuid": string; type: string; title: string; props: Prop[] }[];
  "relevant-evidence": Evidence[];
  collected: string;
};
export type BackMatterResource = { uuid: string; title: string; props: Prop[] };

type Context = { exportKey: string; collected: string; uuid: (name: string) => string };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function excerpt(evidence: unknown): string | undefined {
  if (evidence === undefined) return undefined;
  const json = JSON.stringify(evidence) ?? "";
  return json.length > MAX_EXCERPT_CHARS
    ? `${json.slice(0, MAX_EXCERPT_CHARS)}… (truncated; full evidence in findings.json)`
    : json;
}

function summary(findings: readonly OscalFinding[]): Evidence {
  const counts = STATUS_ORDER.map((s) => [s, findings.filter((f) => f.status === s).length] as const).filter(([, n]) => n > 0);
  return {
    description: `${findings.length} result(s) in scope: ${counts.map(([s, n]) => `${n} ${s}`).join(", ")}.`,
    props: counts.map(([s, n]) => prop(`count-${s.toLowerCase().replace(/_/g, "-")}`, String(n))),
  };
}

/**
 * One observation per check: every resource it judged is a subject (a back-matter resource keyed by ARN), and the
 * evidence holds a status count plus excerpts of the worst results only (FAIL, then ERROR, then MANUAL).
 */
export function checkObservations(
  findings: readonly OscalFinding[],
  checks: (id: string) => OscalCheck | undefined,
  ctx: Context,
): { observations: Map<string, Observation>; resources: BackMatterResource[] } {
  const byCheck = new Map<string, OscalFinding[]>();
  for (const f of findings) {
    const list = byCheck.get(f.checkId) ?? [];
    list.push(f);
    byCheck.set(f.checkId, list);
  }
  const resources = new Map<string, BackMatterResource>();
  const observations = new Map<string, Observation>();
  for (const checkId of [...byCheck.keys()].sort(compare)) {
    const check = checks(checkId);
    const list = (byCheck.get(checkId) ?? []).sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        compare(a.resourceArn, b.resourceArn) ||
        compare(a.accountId, b.accountId) ||
        compare(a.region, b.region) ||
        compare(a.message, b.message),
    );
    const subjects = list.map((f) => {
      const uuid = ctx.uuid(`resource:${f.resourceArn}`);
      if (!resources.has(uuid))
        resources.set(uuid, {
          uuid,
          title: oscalString(f.resourceArn),
          props: [prop("resource-arn", f.resourceArn), prop("account-id", f.accountId), prop("region", f.region)],
        });
      return {
        "subject-uuid": uuid,
        type: "resource",
        title: oscalString(f.resourceArn),
        // Account and region live once on the back-matter resource: repeating them here cost ~6 MB per 50,000 findings.
        props: [prop("status", f.status)],
      };
    });
    const excerpts = list
      .filter((f) => f.status !== "PASS" && f.status !== "NOT_APPLICABLE")
      .slice(0, MAX_EXCERPTS)
      .map((f): Evidence => {
        const remarks = excerpt(f.evidence);
        return {
          description: oscalString(`${f.status}: ${f.message} (${f.resourceArn})`),
          props: [prop("status", f.status), prop("resource-arn", f.resourceArn)],
          ...(remarks !== undefined && { remarks }),
        };
      });
    observations.set(checkId, {
      uuid: ctx.uuid(`observation:${ctx.exportKey}:${checkId}`),
      title: oscalString(check?.title ?? checkId),
      description: oscalString(check?.rationale ?? `Results of the Strata check ${checkId}.`),
      props: [prop("check-id", checkId), ...(check ? [prop("severity", check.severity)] : [])],
      ...(check && { links: check.references.map((href) => ({ href, rel: "reference" })) }),
      methods: ["TEST"],
      subjects,
      "relevant-evidence": [summary(list), ...excerpts],
      collected: ctx.collected,
    });
  }
  return {
    observations,
    resources: [...resources.values()].sort((a, b) => compare(a.title, b.title) || compare(a.uuid, b.uuid)),
  };
}

/** A person's statement is evidence too, but gathered by asking, not testing: method INTERVIEW. */
export function attestationObservation(frameworkId: string, attestation: Attestation, ctx: Context): Observation {
  return {
    uuid: ctx.uuid(`attestation:${ctx.exportKey}:${frameworkId}:${attestation.requirementId}:${attestation.at}`),
    title: oscalString(`Attestation for ${attestation.requirementId}`),
    description: oscalString(attestation.text),
    props: [
      prop("framework", frameworkId),
      prop("requirement-id", attestation.requirementId),
      prop("attested-by", attestation.by),
      ...(attestation.attachmentName ? [prop("attachment-name", attestation.attachmentName)] : []),
    ],
    methods: ["INTERVIEW"],
    "relevant-evidence": [{ description: oscalString(`Statement by ${attestation.by}`), remarks: attestation.text }],
    collected: attestation.at,
  };
}
