import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import { AWS_SCOPE } from "../aws-scopes";
import * as g from "../check-groups";
import { req } from "../requirement";

const { checksOf } = g;

/**
 * Access, crypto and network controls belong to ISO/IEC 27001 in an integrated ISMS/AIMS, so they are
 * mapped there, not here (compliance-mapping.md §2.4 caveat b).
 */
export const iso42001: Framework = {
  id: "iso-42001",
  name: "ISO/IEC 42001:2023 Annex A",
  version: "2023",
  note: "Control titles come from a third-party transcription: verify them against the purchased standard. AWS's certificate covers AWS's own AI management system, not the customer's.",
  requirements: [
    req("A.2.2", "AI policy", "Organisation-wide enforced guardrails express the AI policy.", checksOf(g.GR_07, g.GR_08), false),
    req(
      "A.3.2",
      "AI roles and responsibilities",
      "AI roles are documented; guardrail administration is a separate tagged role.",
      checksOf(g.IAM_03),
      true,
    ),
    req("A.4.2", "Resource documentation", "Models, knowledge bases and agents are documented as AI system resources.", [], true),
    req("A.5.2", "AI system impact assessment process", "An impact assessment process that uses evaluation results.", [], true),
    req(
      "A.6.2.4",
      "AI system verification and validation",
      "Models are evaluated before deployment and the results kept.",
      [],
      true,
    ),
    req(
      "A.6.2.5",
      "AI system deployment",
      "Deployment is limited to approved Regions and geographic inference profiles.",
      checksOf(g.GOV_01, g.GOV_02),
      false,
    ),
    req(
      "A.6.2.6",
      "AI system operation and monitoring",
      "Usage and intervention alarms run, grounding checks run, and changes go through versions.",
      checksOf(g.MON_01, g.MON_02, g.GR_05, g.GR_CHANGE),
      false,
    ),
    req(
      "A.6.2.8",
      "AI system recording of event logs",
      "Invocation logs and CloudTrail are recorded, protected, retained and validated.",
      checksOf(g.LOG_01, g.LOG_02, g.LOG_03, g.LOG_04, g.LOG_BUCKET),
      false,
    ),
    req(
      "A.7.4",
      "Quality of data for AI systems",
      "Grounding sources are curated; grounding checks catch answers they do not support.",
      checksOf(g.GR_05),
      true,
    ),
    req(
      "A.7.5",
      "Data provenance",
      "Training and knowledge base data sources are recorded; custom models are under customer keys.",
      checksOf(g.ENC_01),
      true,
    ),
    req("A.8.4", "Communication of incidents", "AI incidents are communicated to users and interested parties.", [], true),
    req(
      "A.9.2",
      "Processes for responsible use of AI systems",
      "Guardrails with PII filters are required on every invocation, agent and flow.",
      checksOf(g.GR_01, g.GR_04, g.GR_06, g.GR_07, g.GR_08),
      false,
    ),
    req(
      "A.9.4",
      "Intended use of the AI system",
      "Content filters, denied topics and prompt-attack filters hold the system to its intended use; agent roles are bounded.",
      checksOf(g.GR_01, g.GR_02, g.GR_03, g.IAM_07),
      false,
    ),
    req(
      "A.10.2",
      "Allocating responsibilities",
      "A responsibility split between the organisation, AWS and the model providers.",
      [],
      true,
      { scope: AWS_SCOPE.iso42001, part: "AWS's own AI management system for the Bedrock service" },
    ),
    req(
      "A.10.3",
      "Suppliers",
      "Model providers are managed as suppliers; inference stays in approved geographies and AI data use is opted out.",
      checksOf(g.GOV_02, g.GOV_03),
      true,
    ),
  ],
};
