import "server-only";
import type { Detection } from "@/lib/schemas/activity";
import { defineDetector, makeDetection, member, succeeded, text, who } from "../detector";

/**
 * DetachPolicy or DeletePolicy of a service control policy that the last scan saw restricting
 * Bedrock (context.bedrockGuardingScps). Organizations is a global service: the event lands in
 * the management account, usually us-east-1, whatever account the SCP protected.
 */
const detector = defineDetector({
  id: "bedrock-scp-removed",
  title: "SCP that guarded Bedrock detached or deleted",
  severity: "high",
  description: "DetachPolicy or DeletePolicy of an SCP that restricts Bedrock (region allow-list, required guardrail, …).",
  checkId: "org-scp-require-guardrail",
  detect(events, context) {
    const out: Detection[] = [];
    for (const e of events) {
      if (e.source !== "organizations.amazonaws.com" || !succeeded(e)) continue;
      if (e.name !== "DetachPolicy" && e.name !== "DeletePolicy") continue;
      const policyId = text(member(e.requestParameters, "policyId"));
      const scp = policyId ? context.bedrockGuardingScps.get(policyId) : undefined;
      if (!policyId || !scp) continue;
      const target = text(member(e.requestParameters, "targetId"));
      const action = e.name === "DetachPolicy" ? `detached from ${target ?? "a target"}` : "deleted";
      out.push(
        makeDetection(detector, {
          severity: "high",
          title: `SCP ${scp.name} ${e.name === "DetachPolicy" ? "detached" : "deleted"}`,
          explanation: `${who(e)} ${action} the service control policy ${scp.name} (${policyId}). It restricted Bedrock for the accounts below it; those accounts can now do whatever their own IAM policies allow, such as calling models without a guardrail or outside the approved regions.`,
          checkId: scp.checkId,
          events: [e],
        }),
      );
    }
    return out;
  },
});

export default detector;
