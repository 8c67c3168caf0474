import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import * as g from "../check-groups";
import { req } from "../requirement";

const { checksOf } = g;

/** Final numbering (Art. 19 logs, Art. 26 deployers), never the 2023 draft's Art. 20/29 (compliance-mapping.md §4.7). */
export const euAiAct: Framework = {
  id: "eu-ai-act",
  name: "EU AI Act (Regulation (EU) 2024/1689)",
  version: "2024/1689",
  note: "Conditional: Arts. 9–19 and 26 bind high-risk AI systems only (Annex III obligations from 2 Dec 2027 under the Digital Omnibus). Arts. 53 and 55 bind the model providers, not the customer.",
  requirements: [
    req(
      "Art. 9",
      "Risk management system",
      "A documented risk management system; guardrails are the technical measures and are enforced.",
      checksOf(g.GR_01, g.GR_02, g.GR_07, g.GR_08),
      true,
    ),
    req(
      "Art. 10",
      "Data and data governance",
      "Training and knowledge base data are governed; custom models are under customer keys.",
      checksOf(g.ENC_01),
      true,
    ),
    req("Art. 11", "Technical documentation", "Technical documentation of the AI system, with exported evidence.", [], true),
    req(
      "Art. 12",
      "Record-keeping",
      "Events are logged automatically over the system's lifetime and the logs are validated.",
      checksOf(g.LOG_01, g.LOG_03, g.LOG_04),
      false,
    ),
    req(
      "Art. 13",
      "Transparency and provision of information to deployers",
      "Instructions for use given to deployers (provider side; not checkable from AWS).",
      [],
      true,
    ),
    req(
      "Art. 14",
      "Human oversight",
      "Oversight roles are defined; guardrail admin and agent roles are bounded; agents are guarded.",
      checksOf(g.IAM_03, g.IAM_07, g.GR_06),
      true,
    ),
    req(
      "Art. 15",
      "Accuracy, robustness and cybersecurity",
      "Prompt-attack, PII and grounding filters run; access, network and encryption controls hold.",
      checksOf(
        g.IAM_01,
        g.IAM_02,
        g.IAM_04,
        g.IAM_05,
        g.IAM_06,
        g.IAM_07,
        g.NET_01,
        g.NET_02,
        g.NET_03,
        g.ENC_01,
        g.ENC_02,
        g.ENC_03,
        g.ENC_04,
        g.ENC_05,
        g.GR_03,
        g.GR_04,
        g.GR_05,
        g.GR_06,
      ),
      false,
    ),
    req("Art. 19", "Automatically generated logs", "Logs are kept for at least six months.", checksOf(g.LOG_01, g.LOG_02), false),
    req(
      "Art. 26",
      "Obligations of deployers of high-risk AI systems",
      "Competent people oversee use (26(2)), operation is monitored (26(5)) and logs are kept six months (26(6)).",
      checksOf(g.IAM_03, g.MON_01, g.MON_02, g.LOG_01, g.LOG_RETENTION),
      true,
    ),
    req(
      "Art. 50",
      "Transparency obligations for providers and deployers of certain AI systems",
      "People are told they interact with an AI system and AI-generated content is marked.",
      [],
      true,
    ),
    req(
      "Art. 72",
      "Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems",
      "A post-market monitoring plan, fed by usage and intervention alarms.",
      checksOf(g.MON_01, g.MON_02),
      true,
    ),
    req(
      "Art. 73",
      "Reporting of serious incidents",
      "Serious incidents are reported to the market surveillance authority on time.",
      [],
      true,
    ),
  ],
};
