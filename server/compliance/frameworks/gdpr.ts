import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import { AWS_SCOPE } from "../aws-scopes";
import * as g from "../check-groups";
import { req } from "../requirement";

const { checksOf } = g;

/** GDPR is not a certification: compliance stays with the controller, so nothing here is inherited outright. */
export const gdpr: Framework = {
  id: "gdpr",
  name: "GDPR (Regulation (EU) 2016/679)",
  version: "2016/679",
  requirements: [
    req(
      "Art. 5",
      "Principles relating to processing of personal data",
      "Personal data in prompts is minimised (PII filters), answers are grounded, and sessions do not hold data longer than needed; invocation-log text delivery is justified.",
      checksOf(g.GR_04, g.GR_05, g.AGENT_SESSION),
      true,
    ),
    req(
      "Art. 25",
      "Data protection by design and by default",
      "Guardrails with PII filters are required and enforced; access and agent roles are least privilege.",
      checksOf(g.IAM_01, g.IAM_07, g.GR_01, g.GR_04, g.GR_06, g.GR_07, g.GR_08),
      false,
    ),
    req(
      "Art. 28",
      "Processor",
      "A data processing agreement with AWS, the model providers assessed as sub-processors, and AI-service data use opted out.",
      checksOf(g.GOV_03),
      true,
      {
        scope: AWS_SCOPE.bedrockDocs,
        part: "AWS processes prompts as processor under its GDPR DPA (not quoted in the reference: unverified)",
      },
    ),
    req(
      "Art. 30",
      "Records of processing activities",
      "Records say which models process which personal data; invocation logs and CloudTrail back them.",
      checksOf(g.LOG_01, g.LOG_03),
      true,
    ),
    req(
      "Art. 32",
      "Security of processing",
      "Bedrock access, network paths, encryption and logging are secured, as the checks show.",
      checksOf(
        g.IAM_01,
        g.IAM_02,
        g.IAM_03,
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
        g.LOG_01,
        g.LOG_02,
        g.LOG_03,
        g.LOG_04,
        g.GR_03,
        g.GR_04,
        g.MON_01,
      ),
      false,
    ),
    req(
      "Art. 33",
      "Notification of a personal data breach to the supervisory authority",
      "Guardrail intervention alarms start a breach assessment that can notify within 72 hours.",
      checksOf(g.MON_02),
      true,
    ),
    req(
      "Art. 35",
      "Data protection impact assessment",
      "A DPIA for the AI processing, using model evaluation and risk assessment.",
      [],
      true,
    ),
    req(
      "Art. 44",
      "General principle for transfers",
      "Bedrock (including cross-Region inference) keeps personal data in approved Regions and geographies.",
      checksOf(g.GOV_01, g.GOV_02),
      false,
    ),
    req(
      "Art. 46",
      "Transfers subject to appropriate safeguards",
      "Any transfer outside the EU/EEA has safeguards (such as SCCs); SCPs and profiles hold the rest in place.",
      checksOf(g.GOV_01, g.GOV_02),
      true,
    ),
  ],
};
