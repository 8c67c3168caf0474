import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import * as g from "../check-groups";
import { req } from "../requirement";

const { checksOf } = g;
const ACCESS_AND_NETWORK = [g.IAM_01, g.IAM_02, g.IAM_04, g.IAM_05, g.IAM_06, g.IAM_07, g.NET_01, g.NET_02, g.NET_03];

/** Subcategories have no short titles: each title opens the outcome statement (compliance-mapping.md §1.7). */
export const nistAiRmf: Framework = {
  id: "nist-ai-rmf",
  name: "NIST AI Risk Management Framework",
  version: "1.0 (NIST AI 100-1)",
  requirements: [
    req(
      "GOVERN 1.1",
      "Legal and regulatory requirements involving AI are understood, managed, and documented.",
      "A register of AI legal duties (residency, AI Act, GDPR), with Bedrock held to approved Regions.",
      checksOf(g.GOV_01, g.GOV_02),
      true,
    ),
    req(
      "GOVERN 1.4",
      "The risk management process and its outcomes are established through transparent policies, procedures, and other controls…",
      "Guardrails are required by SCP or IAM and enforced centrally.",
      checksOf(g.GR_07, g.GR_08),
      false,
    ),
    req(
      "GOVERN 1.5",
      "Ongoing monitoring and periodic review of the risk management process and its outcomes are planned…",
      "Scheduled posture scans and review of idle access are planned and done.",
      checksOf(g.IAM_05),
      true,
    ),
    req(
      "GOVERN 1.6",
      "Mechanisms are in place to inventory AI systems…",
      "An inventory of models, agents, knowledge bases and guardrails is kept.",
      [],
      true,
    ),
    req(
      "GOVERN 2.1",
      "Roles and responsibilities and lines of communication related to mapping, measuring, and managing AI risks are documented…",
      "Guardrail administration is a separate, tagged role.",
      checksOf(g.IAM_03),
      false,
    ),
    req(
      "GOVERN 4.3",
      "Organizational practices are in place to enable AI testing, identification of incidents, and information sharing.",
      "Invocation logs and CloudTrail record AI activity for incident identification.",
      checksOf(g.LOG_01, g.LOG_03),
      false,
    ),
    req(
      "GOVERN 6.1",
      "Policies and procedures are in place that address AI risks associated with third-party entities…",
      "Third-party model policies exist and AI-service data use is opted out.",
      checksOf(g.GOV_03),
      true,
    ),
    req(
      "MAP 4.2",
      "Internal risk controls for components of the AI system, including third-party AI technologies, are identified and documented.",
      "Scoped invocation and guardrails are the documented controls on third-party models.",
      checksOf(g.IAM_01, g.GR_01),
      false,
    ),
    req(
      "MEASURE 2.4",
      "The functionality and behavior of the AI system and its components… are monitored when in production.",
      "Invocation logs and alarms on usage and interventions monitor production.",
      checksOf(g.LOG_01, g.MON_01, g.MON_02),
      false,
    ),
    req(
      "MEASURE 2.5",
      "The AI system to be deployed is demonstrated to be valid and reliable…",
      "Grounding or Automated Reasoning checks run, and evaluation results show validity.",
      checksOf(g.GR_05),
      true,
    ),
    req(
      "MEASURE 2.6",
      "The AI system is evaluated regularly for safety risks…",
      "Content filters run and the system is evaluated regularly for safety.",
      checksOf(g.GR_02),
      true,
    ),
    req(
      "MEASURE 2.7",
      "AI system security and resilience – as identified in the MAP function – are evaluated and documented.",
      "Access, network, encryption and prompt-attack controls are evaluated by the scans.",
      checksOf(...ACCESS_AND_NETWORK, g.ENC_01, g.ENC_02, g.ENC_03, g.ENC_04, g.ENC_05, g.GR_03, g.GR_06),
      false,
    ),
    req(
      "MEASURE 2.8",
      "Risks associated with transparency and accountability… are examined and documented.",
      "Invocation logs and CloudTrail are on, protected and validated.",
      checksOf(g.LOG_01, g.LOG_02, g.LOG_03, g.LOG_04),
      false,
    ),
    req(
      "MEASURE 2.10",
      "Privacy risk of the AI system… is examined and documented.",
      "PII filters enforce, data is under customer keys, logs are protected, sessions expire, AI data use is opted out.",
      checksOf(g.GR_04, g.GOV_03, g.ENC_02, g.LOG_02, g.AGENT_SESSION),
      false,
    ),
    req(
      "MEASURE 3.1",
      "Approaches, personnel, and documentation are in place to regularly identify and track existing, unanticipated, and emergent AI risks…",
      "Intervention alarms are tracked by named people.",
      checksOf(g.MON_02),
      true,
    ),
    req(
      "MANAGE 1.3",
      "Responses to the AI risks deemed high priority… are developed, planned, and documented…",
      "Guardrails (including on agents and flows) and bounded agent roles respond to the top risks.",
      checksOf(g.GR_01, g.GR_06, g.GR_07, g.IAM_07),
      false,
    ),
    req(
      "MANAGE 2.4",
      "Mechanisms are in place and applied… to supersede, disengage, or deactivate AI systems…",
      "A tested way to switch Bedrock use off (such as an SCP deny), and tag-gated guardrail admin.",
      checksOf(g.IAM_03),
      true,
    ),
    req(
      "MANAGE 3.1",
      "AI risks and benefits from third-party resources are regularly monitored, and risk controls are applied and documented.",
      "Third-party models are reviewed; AI-service data use is opted out.",
      checksOf(g.GOV_03),
      true,
    ),
    req(
      "MANAGE 3.2",
      "Pre-trained models which are used for development are monitored as part of AI system regular monitoring and maintenance.",
      "Foundation and custom models are re-evaluated as part of maintenance.",
      [],
      true,
    ),
    req(
      "MANAGE 4.1",
      "Post-deployment AI system monitoring plans are implemented, including… incident response, recovery, and change management.",
      "Usage alarms run and guardrail and prompt changes go through versions.",
      checksOf(g.MON_01, g.GR_CHANGE),
      false,
    ),
    req(
      "MANAGE 4.3",
      "Incidents and errors are communicated to relevant AI actors… Processes for tracking, responding to, and recovering…",
      "AI incidents are communicated and tracked to recovery.",
      [],
      true,
    ),
  ],
};
