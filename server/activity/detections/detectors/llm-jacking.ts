import "server-only";
import type { ActivityEvent, Detection } from "@/lib/schemas/activity";
import { defineDetector, makeDetection, member, text, who } from "../detector";

/** Calls a thief makes to learn which models a stolen key can reach and to unlock them. */
const DISCOVERY = new Set([
  "ListFoundationModels",
  "GetFoundationModel",
  "GetFoundationModelAvailability",
  "ListFoundationModelAgreementOffers",
  "GetUseCaseForModelAccess",
  "PutUseCaseForModelAccess",
  "CreateFoundationModelAgreement",
  "ListInferenceProfiles",
  "GetModelInvocationLoggingConfiguration",
]);
const INVOKE = new Set(["InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream"]);
const PROBE_ERRORS = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "ValidationException",
  "ResourceNotFoundException",
  "ThrottlingException",
]);

/** How long after the last discovery call errors still count as the same episode. */
const EPISODE_WINDOW_MS = 6 * 60 * 60 * 1000;
/** A burst: at least this many failed invocations, spread over ≥ 2 models or ≥ 2 regions. */
const MIN_ERRORS = 3;

function principal(e: ActivityEvent): string | undefined {
  return e.actor.arn ?? e.actor.accessKeyId ?? e.actor.name ?? undefined;
}

type Episode = { discovery: ActivityEvent[]; errors: ActivityEvent[]; until: number };

function qualifies(ep: Episode): { models: string[]; regions: string[] } | undefined {
  const models = [...new Set(ep.errors.map((e) => text(member(e.requestParameters, "modelId")) ?? "unknown model"))];
  const regions = [...new Set(ep.errors.map((e) => e.region ?? "unknown region"))];
  if (ep.errors.length < MIN_ERRORS || (models.length < 2 && regions.length < 2)) return undefined;
  return { models, regions };
}

/**
 * "LLM-jacking": one principal enumerates models and model access, then within 6 h fails to invoke
 * several models or regions (access denied, not enabled, throttled), as a stolen credential is
 * tried for what it can reach. One detection per principal per episode, with every contributing
 * event. Discovery without a burst, or errors all on one model in one region, stay silent.
 */
const detector = defineDetector({
  id: "llm-jacking",
  title: "Stolen-credential pattern: model discovery, then invocation errors across models",
  severity: "high",
  description: `One principal lists models or checks model access, then within 6 h makes ≥ ${MIN_ERRORS} failed invocations across ≥ 2 models or regions.`,
  checkId: null,
  detect(events) {
    const out: Detection[] = [];
    const open = new Map<string, Episode>();
    const close = (ep: Episode) => {
      const spread = qualifies(ep);
      if (!spread) return;
      const all = [...ep.discovery, ...ep.errors].sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
      const last = all[all.length - 1];
      if (!last) return;
      out.push(
        makeDetection(detector, {
          severity: "high",
          title: `Possible LLM-jacking by ${who(last)}`,
          explanation: `${who(last)} made ${ep.discovery.length} model discovery or model-access call(s), then ${ep.errors.length} failed invocations across ${spread.models.length} model(s) (${spread.models.join(", ")}) in ${spread.regions.length} region(s) (${spread.regions.join(", ")}). This is how a stolen AWS key is probed for which Bedrock models it can run at the account's expense; check whether this principal should call Bedrock at all and rotate its credentials if not.`,
          checkId: null,
          events: all,
        }),
      );
    };
    for (const e of events) {
      if (e.source !== "bedrock.amazonaws.com") continue;
      const key = principal(e);
      if (!key) continue;
      const at = Date.parse(e.time);
      let ep = open.get(key);
      if (ep && at > ep.until) {
        close(ep);
        open.delete(key);
        ep = undefined;
      }
      if (DISCOVERY.has(e.name)) {
        if (!ep) {
          ep = { discovery: [], errors: [], until: at };
          open.set(key, ep);
        }
        ep.discovery.push(e);
        ep.until = at + EPISODE_WINDOW_MS;
      } else if (ep && INVOKE.has(e.name) && e.errorCode && PROBE_ERRORS.has(e.errorCode)) {
        ep.errors.push(e);
      }
    }
    for (const ep of open.values()) close(ep);
    return out;
  },
});

export default detector;
