import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import type { FrameworkResult } from "@/server/compliance/evaluate";
import { controlToken, oscalString } from "./ids";
import type { Observation } from "./observations";
import { OBJECTIVE_STATUS, STATUS_REMARKS } from "./status";
import { prop, type Prop } from "./types";

export type OscalFindingEntry = {
  uuid: string;
  title: string;
  description: string;
  props: Prop[];
  target: {
    type: "objective-id";
    "target-id": string;
    props: Prop[];
    status: { state: string; reason: string; remarks: string };
  };
  "related-observations"?: { "observation-uuid": string }[];
};

type Context = {
  exportKey: string;
  uuid: (name: string) => string;
  observations: ReadonlyMap<string, Observation>;
  /** The attestation observation of each attested requirement, keyed by attestedKey. */
  attested: ReadonlyMap<string, Observation>;
};

export const attestedKey = (frameworkId: string, requirementId: string) => `${frameworkId} ${requirementId}`;

/**
 * One finding per requirement, including passing ones: OSCAL readers get an explicit verdict for every reviewed
 * control, and only PASS is ever "satisfied".
 */
export function requirementFindings(framework: Framework, result: FrameworkResult, ctx: Context): OscalFindingEntry[] {
  const byId = new Map(result.requirements.map((r) => [r.requirementId, r]));
  return framework.requirements.map((req) => {
    const evaluated = byId.get(req.id);
    if (!evaluated) throw new Error(`${framework.id} ${req.id} is missing from the evaluation: evaluate the same catalog`);
    const token = controlToken(framework.id, req.id);
    const status = OBJECTIVE_STATUS[evaluated.status];
    const related = evaluated.checks.flatMap((c) => {
      const o = ctx.observations.get(c.checkId);
      return o ? [o.uuid] : [];
    });
    const attested = ctx.attested.get(attestedKey(framework.id, req.id));
    if (attested) related.push(attested.uuid);
    const identity = [prop("framework", framework.id), prop("requirement-id", req.id), prop("status", evaluated.status)];
    return {
      uuid: ctx.uuid(`finding:${ctx.exportKey}:${framework.id}:${req.id}`),
      title: oscalString(`${framework.name} ${req.id}: ${req.title}`),
      description: oscalString(req.customerMustShow),
      props: [
        ...identity,
        ...evaluated.checks.map((c) => prop("check-status", `${c.checkId}=${c.status}`)),
        ...(req.manual ? [prop("manual", "true")] : []),
        ...(req.awsInherited ? [prop("aws-inherited", req.awsInherited.part)] : []),
      ],
      target: {
        type: "objective-id",
        "target-id": token,
        props: identity,
        status: { ...status, remarks: STATUS_REMARKS[evaluated.status] },
      },
      ...(related.length > 0 && { "related-observations": related.map((uuid) => ({ "observation-uuid": uuid })) }),
    };
  });
}
