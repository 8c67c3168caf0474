import "server-only";
import { ATTACKER_MODELS, MODELS } from "@/server/logs/demo/models";
import { Rng, seedOf } from "@/server/logs/demo/random";
import { buildSchedule } from "@/server/logs/demo/schedule";
import { accountByKey } from "@/server/sources/demo/accounts";
import { guardrail, roleArn } from "@/server/sources/demo/arns";
import { SANDBOX } from "@/server/sources/demo/names";
import { ALL_HARMS, guardrailRequest, loggingRequest, uniform } from "./guardrail-config";
import { AGENT, IP, iamUser, type EventSpec } from "./kit";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SANDBOX_ID = accountByKey("sandbox").id;

const SANDBOX_GUARDRAIL = guardrail(SANDBOX_ID, "us-east-1", "sandbox-test");

/** The leaked key's owner: the same IAM user as the invocation-log generator's STOLEN_KEY_ARN. */
const stolenKey = () => iamUser("sandbox", "dev-jmorales", IP.attacker, AGENT.attacker);
const owner = () => iamUser("sandbox", "dev-jmorales", IP.vpn, AGENT.cli);

/**
 * The hours the invocation-log generator spends the stolen key in, read from its own schedule so
 * both stories stay in step if it changes. A large count only makes every burst hour non-empty.
 */
function burstHours(end: Date): { start: number; weight: number }[] {
  return buildSchedule(100_000, end, 30)
    .filter((slot) => slot.stolen > 0)
    .map((slot) => ({ start: slot.start, weight: slot.stolen }));
}

export type Tagged = EventSpec & { tag?: IncidentTag };
export type IncidentTag = "recon" | "loggingDeleted" | "textDeliveryOff" | "guardrailBaseline" | "guardrailWeakened" | "probe";

const PROBE_MODELS = [
  ATTACKER_MODELS.opus,
  ATTACKER_MODELS.opusUs,
  ATTACKER_MODELS.opus3,
  ATTACKER_MODELS.llama405b,
  ATTACKER_MODELS.mistralLarge,
  MODELS.sonnetGlobal,
];
const PROBE_ERRORS = [
  { code: "AccessDeniedException", message: "You don't have access to the model with the specified model ID." },
  {
    code: "ValidationException",
    message:
      "Invocation of model ID anthropic.claude-opus-4-1-20250805-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
  },
  {
    code: "ResourceNotFoundException",
    message:
      "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days.",
  },
] as const;

/**
 * The sandbox incident: dev-jmorales's access key, used from an address and client the company
 * never uses, lists models and model access, switches logging off in Ireland and text delivery off
 * in us-east-1, weakens the sandbox guardrail, then probes expensive models at the generator's
 * burst hours, mostly failing.
 */
export function incidentEvents(end: Date): Tagged[] {
  const bursts = burstHours(end);
  const first = bursts[0]?.start ?? end.getTime() - 9 * DAY;
  const rng = new Rng(seedOf(`activity/incident/${Math.floor(end.getTime() / DAY)}`));
  const key = stolenKey();
  const at = (minutesBefore: number) => first - minutesBefore * MINUTE;
  const sandbox = { account: "sandbox" as const, actor: key };
  const events: Tagged[] = [
    // Recon: what can this key reach?
    { ...sandbox, tag: "recon", time: at(58), region: "us-east-1", name: "ListFoundationModels", readOnly: true, request: {} },
    { ...sandbox, tag: "recon", time: at(57), region: "eu-west-1", name: "ListFoundationModels", readOnly: true, request: {} },
    ...[ATTACKER_MODELS.opus, ATTACKER_MODELS.opus3, ATTACKER_MODELS.llama405b, ATTACKER_MODELS.mistralLarge].map(
      (m, i): Tagged => ({
        ...sandbox,
        tag: "recon",
        time: at(55 - i),
        region: "us-east-1",
        name: "GetFoundationModelAvailability",
        readOnly: true,
        request: { modelId: m.id },
      }),
    ),
    {
      ...sandbox,
      tag: "recon",
      time: at(50),
      region: "us-east-1",
      name: "ListFoundationModelAgreementOffers",
      readOnly: true,
      request: { modelId: ATTACKER_MODELS.opus.id },
    },
    {
      ...sandbox,
      tag: "recon",
      time: at(48),
      region: "us-east-1",
      name: "GetModelInvocationLoggingConfiguration",
      readOnly: true,
      request: {},
    },
    // Cover tracks: no logs in Ireland at all, no prompt text in us-east-1.
    {
      ...sandbox,
      tag: "loggingDeleted",
      time: at(44),
      region: "eu-west-1",
      name: "DeleteModelInvocationLoggingConfiguration",
      readOnly: false,
    },
    {
      ...sandbox,
      tag: "textDeliveryOff",
      time: at(42),
      region: "us-east-1",
      name: "PutModelInvocationLoggingConfiguration",
      readOnly: false,
      request: loggingRequest(SANDBOX.logGroups.invocations, roleArn(SANDBOX_ID, SANDBOX.roles.invocationLogging), false),
    },
    {
      ...sandbox,
      tag: "guardrailWeakened",
      time: at(38),
      region: "us-east-1",
      name: "UpdateGuardrail",
      readOnly: false,
      request: guardrailRequest(SANDBOX_GUARDRAIL.id, uniform(["HATE", "INSULTS"], "HIGH"), "LOW"),
      response: { guardrailArn: SANDBOX_GUARDRAIL.arn, guardrailId: SANDBOX_GUARDRAIL.id, version: "DRAFT" },
      resources: [{ type: "AWS::Bedrock::Guardrail", arn: SANDBOX_GUARDRAIL.arn }],
    },
  ];
  // The owner's own configuration a month earlier: the baseline the weakening is measured against.
  events.push({
    account: "sandbox",
    actor: owner(),
    tag: "guardrailBaseline",
    time: first - 31 * DAY + 3 * HOUR,
    region: "us-east-1",
    name: "UpdateGuardrail",
    readOnly: false,
    request: guardrailRequest(SANDBOX_GUARDRAIL.id, uniform(ALL_HARMS, "HIGH"), "HIGH"),
    response: { guardrailArn: SANDBOX_GUARDRAIL.arn, guardrailId: SANDBOX_GUARDRAIL.id, version: "DRAFT" },
    resources: [{ type: "AWS::Bedrock::Guardrail", arn: SANDBOX_GUARDRAIL.arn }],
  });
  for (const burst of bursts) {
    // Management events of the probing: a handful per burst hour, most of them errors.
    const n = Math.min(12, 3 + Math.round(burst.weight / 40));
    for (let i = 0; i < n; i++) {
      const model = rng.pick(PROBE_MODELS);
      const region = rng.chance(0.6) ? "eu-west-1" : "us-east-1";
      const error = rng.chance(0.8) ? rng.pick(PROBE_ERRORS) : undefined;
      events.push({
        ...sandbox,
        tag: "probe",
        time: burst.start + Math.floor(rng.float() * HOUR),
        region,
        name: rng.chance(0.7) ? "InvokeModel" : "Converse",
        readOnly: false,
        request: { modelId: model.id },
        ...(error ? { error } : {}),
      });
    }
  }
  return events;
}
