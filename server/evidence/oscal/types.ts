import "server-only";
import type { Attestation, Framework } from "@/lib/schemas/compliance";
import type { Status } from "@/lib/schemas/finding";
import type { RegisteredCheck } from "@/server/checks/registry";
import type { FrameworkResult } from "@/server/compliance/evaluate";
import { oscalString } from "./ids";

/** A finding of the scan, already narrowed to the exported scope. */
export type OscalFinding = {
  checkId: string;
  accountId: string;
  region: string;
  resourceArn: string;
  status: Status;
  message: string;
  /** The inventory excerpt that decided the verdict. */
  evidence?: unknown;
};

export type OscalCheck = Pick<RegisteredCheck, "id" | "title" | "severity" | "rationale" | "references">;

export type AssessmentInput = {
  scan: {
    id: string;
    source: string;
    startedAt: string;
    finishedAt: string;
    scope: { accounts: readonly string[]; regions: readonly string[] };
  };
  /** One framework, or every framework for an "all" export; each with its `evaluateFramework` result. */
  frameworks: readonly { framework: Framework; result: FrameworkResult }[];
  findings: readonly OscalFinding[];
  attestations: readonly Attestation[];
  generator: { name: string; version: string };
  /** metadata.last-modified: the only value that differs between two exports of the same scan. */
  now: Date;
  /** Check metadata by id; defaults to the registry. */
  checks?: (id: string) => OscalCheck | undefined;
  /** Maps a stable name to a uuid; defaults to uuid v5 (see ids.ts). Inject to test uuid handling. */
  uuid?: (name: string) => string;
};

/** OSCAL property; Strata's own names live under STRATA_NS so they never collide with OSCAL-defined names. */
export type Prop = { name: string; ns: string; value: string };

/**
 * A URN, not a URL: OSCAL wants extension props in a namespace URI, and Strata has no public site whose address we
 * could promise to keep.
 */
const STRATA_NS = "urn:strata:oscal";

export function prop(name: string, value: string): Prop {
  return { name, ns: STRATA_NS, value: oscalString(value) };
}
