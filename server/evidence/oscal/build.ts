import "server-only";
import { getCheck } from "@/server/checks/registry";
import { controlToken, oscalString, uuidV5 } from "./ids";
import { attestedKey, requirementFindings } from "./findings";
import { attestationObservation, checkObservations, type Observation } from "./observations";
import { prop, type AssessmentInput } from "./types";

const OSCAL_VERSION = "1.0.6";

/**
 * OSCAL requires import-ap.href (the assessment plan this answers). Strata has no separate plan document: the plan
 * is the framework catalog plus the scan scope, stated in this document's reviewed-controls and props. The href is
 * a placeholder fragment that names that choice; it resolves to nothing.
 */
const ASSESSMENT_PLAN_HREF = "#strata-assessment-plan";

/**
 * An OSCAL 1.0.6 assessment-results document for one scan and one framework (or all). Every uuid is derived from
 * stable names (scan id, framework, requirement, check, ARN), so two exports of the same scan differ only in
 * metadata.last-modified.
 */
export function buildAssessmentResults(input: AssessmentInput) {
  const { scan, frameworks, generator } = input;
  if (frameworks.length === 0) throw new Error("buildAssessmentResults needs at least one framework");
  const uuid = input.uuid ?? ((name: string) => uuidV5(name));
  const ids = frameworks.map((f) => f.framework.id).join(",");
  // Exports of one scan over different accounts or regions say different things, so they must not share uuids.
  const exportKey = [scan.id, [...scan.scope.accounts].sort().join(","), [...scan.scope.regions].sort().join(",")].join("|");
  const ctx = { exportKey, collected: scan.finishedAt, uuid };

  const { observations, resources } = checkObservations(input.findings, input.checks ?? getCheck, ctx);
  const attested = new Map<string, Observation>();
  for (const { framework, result } of frameworks)
    for (const r of result.requirements)
      if (r.attestation)
        attested.set(attestedKey(framework.id, r.requirementId), attestationObservation(framework.id, r.attestation, ctx));

  const tokens = new Map<string, string>();
  const selections = frameworks.map(({ framework }) => ({
    description: oscalString(`${framework.name} ${framework.version}: every requirement of the catalog.`),
    props: [prop("framework", framework.id), prop("framework-version", framework.version)],
    "include-controls": framework.requirements.map((r) => {
      const token = controlToken(framework.id, r.id);
      const clash = tokens.get(token);
      // A silent clash would merge two requirements' verdicts under one control id.
      if (clash !== undefined) throw new Error(`${framework.id} ${r.id} and ${clash} map to the same control token ${token}`);
      tokens.set(token, `${framework.id} ${r.id}`);
      return { "control-id": token };
    }),
  }));
  const findings = frameworks.flatMap(({ framework, result }) =>
    requirementFindings(framework, result, { exportKey, uuid, observations, attested }),
  );
  const allObservations = [...observations.values(), ...attested.values()];
  const frameworkName = frameworks.length === 1 && frameworks[0] ? frameworks[0].framework.name : "all frameworks";
  const scope = [
    prop("scan-source", scan.source),
    ...scan.scope.accounts.map((a) => prop("account-id", a)),
    ...scan.scope.regions.map((r) => prop("region", r)),
  ];
  const partyUuid = uuid(`party:${generator.name}`);

  return {
    "assessment-results": {
      uuid: uuid(`assessment-results:${exportKey}:${ids}`),
      metadata: {
        title: oscalString(`Strata assessment of Amazon Bedrock — ${frameworkName}`),
        "last-modified": input.now.toISOString(),
        version: oscalString(`${scan.id} (${generator.name} ${generator.version})`),
        "oscal-version": OSCAL_VERSION,
        props: [prop("generator", generator.name), prop("generator-version", generator.version), prop("scan-id", scan.id)],
        roles: [{ id: "assessor", title: "Assessor" }],
        parties: [
          {
            uuid: partyUuid,
            type: "organization",
            name: oscalString(`${generator.name} ${generator.version}`),
            remarks: "The automated assessment tool that produced this document; OSCAL 1.0.6 parties have no tool type.",
          },
        ],
        "responsible-parties": [{ "role-id": "assessor", "party-uuids": [partyUuid] }],
      },
      "import-ap": {
        href: ASSESSMENT_PLAN_HREF,
        remarks:
          "Placeholder: no separate assessment plan exists; the reviewed controls and scope props of the result state the plan.",
      },
      results: [
        {
          uuid: uuid(`result:${exportKey}:${ids}`),
          title: oscalString(`Scan ${scan.id}`),
          description: oscalString(
            `Automated evaluation of Amazon Bedrock configuration by ${generator.name} over ${scan.scope.accounts.length} account(s) and ${scan.scope.regions.length} region(s).`,
          ),
          start: scan.startedAt,
          end: scan.finishedAt,
          props: scope,
          "reviewed-controls": { "control-selections": selections },
          // The schema gives both arrays minItems 1: an empty list must be left out, not written as [].
          ...(allObservations.length > 0 && { observations: allObservations }),
          ...(findings.length > 0 && { findings }),
        },
      ],
      ...(resources.length > 0 && { "back-matter": { resources } }),
    },
  };
}
