import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import { AWS_SCOPE, PHYSICAL_PART, SERVICE_IR_PART, TLS_PART } from "../aws-scopes";
import * as g from "../check-groups";

const { checksOf } = g;

/** AICPA gives no short titles: each title is the opening words of the criterion, quoted (compliance-mapping.md §1.1). */
export const soc2: Framework = {
  id: "soc2",
  name: "SOC 2 (Trust Services Criteria)",
  version: "2017 TSC (TSP section 100)",
  note: "Criteria have no official short titles; the titles quote the opening of each criterion. Prowler's cc_a_1_1 (labelled A1.2) evidences usage measurement, so invocation logging is mapped to A1.1 here.",
  requirements: [
    {
      id: "CC2.1",
      title:
        "The entity obtains or generates and uses relevant, quality information to support the functioning of internal control",
      customerMustShow:
        "CloudTrail records Bedrock management and data events in every region, so control operation can be evidenced.",
      checks: checksOf(g.LOG_03),
      manual: false,
    },
    {
      id: "CC3.2",
      title: "The entity identifies risks to the achievement of its objectives across the entity and analyzes risks…",
      customerMustShow: "A risk assessment that covers the generative AI use cases, with model evaluation results as input.",
      checks: [],
      manual: true,
    },
    {
      id: "CC3.3",
      title: "The entity considers the potential for fraud in assessing risks…",
      customerMustShow:
        "The fraud risk assessment considers stolen credentials used to run models at the entity's cost (LLM-jacking).",
      checks: [],
      manual: true,
    },
    {
      id: "CC4.1",
      title: "The entity selects, develops, and performs ongoing and/or separate evaluations…",
      customerMustShow: "Posture scans run on a schedule and their results are reviewed; the scan history is the evidence.",
      checks: [],
      manual: true,
    },
    {
      id: "CC5.2",
      title: "The entity also selects and develops general control activities over technology…",
      customerMustShow:
        "Guardrails exist, filter content, cover agents and flows, and are enforced by SCP or account policy; Regions are restricted.",
      checks: checksOf(g.GR_01, g.GR_02, g.GR_06, g.GR_07, g.GR_08, g.GOV_01),
      manual: false,
    },
    {
      id: "CC6.1",
      title:
        "The entity implements logical access security software, infrastructure, and architectures over protected information assets…",
      customerMustShow:
        "Invocation is least privilege, no IAM users or long-term keys reach Bedrock, and Bedrock data is under customer managed keys.",
      checks: checksOf(g.IAM_01, g.IAM_04, g.IAM_06, g.ENC_01, g.ENC_02, g.ENC_03, g.ENC_04, g.ENC_05, g.GR_07, g.AGENT_SESSION),
      manual: false,
    },
    {
      id: "CC6.2",
      title:
        "Prior to issuing system credentials and granting system access, the entity registers and authorizes new internal and external users…",
      customerMustShow:
        "Bedrock access goes to federated roles, not IAM users or long-term API keys, and unused grants are removed.",
      checks: checksOf(g.IAM_04, g.IAM_05, g.IAM_06),
      manual: false,
    },
    {
      id: "CC6.3",
      title:
        "The entity authorizes, modifies, or removes access… giving consideration to the concepts of least privilege and segregation of duties…",
      customerMustShow:
        "No broad Bedrock grants, FullAccess or shared agent roles; guardrail administration is separated by principal tag.",
      checks: checksOf(g.IAM_01, g.IAM_02, g.IAM_03, g.IAM_05, g.IAM_07, g.ENC_04),
      manual: false,
    },
    {
      id: "CC6.4",
      title: "The entity restricts physical access to facilities and protected information assets…",
      customerMustShow:
        "AWS's SOC 2 report, reviewed, showing Bedrock in scope; the entity has no facilities of its own in this path.",
      checks: [],
      manual: true,
      awsInherited: { scope: AWS_SCOPE.soc2, part: PHYSICAL_PART },
    },
    {
      id: "CC6.5",
      title:
        "The entity discontinues logical and physical protections over physical assets only after the ability to read or recover data… has been diminished…",
      customerMustShow: "AWS's SOC 2 report, reviewed, covering media sanitisation for the infrastructure that hosts Bedrock.",
      checks: [],
      manual: true,
      awsInherited: { scope: AWS_SCOPE.soc2, part: "Disposal and re-use of storage media that held Bedrock data" },
    },
    {
      id: "CC6.6",
      title:
        "The entity implements logical access security measures to protect against threats from sources outside its system boundaries",
      customerMustShow:
        "Bedrock is reached through restricted private endpoints, and prompt attacks are blocked, including on agents and flows.",
      checks: checksOf(g.NET_01, g.NET_02, g.NET_03, g.GR_03, g.GR_06),
      manual: false,
    },
    {
      id: "CC6.7",
      title:
        "The entity restricts the transmission, movement, and removal of information to authorized internal and external users and processes…",
      customerMustShow:
        "Data stays in approved Regions and geographies, PII is masked or blocked, and traffic stays on private endpoints.",
      checks: checksOf(g.GOV_01, g.GOV_02, g.GR_04, g.NET_01),
      manual: false,
      awsInherited: { scope: AWS_SCOPE.soc2, part: TLS_PART },
    },
    {
      id: "CC7.1",
      title:
        "To meet its objectives, the entity uses detection and monitoring procedures to identify (1) changes to configurations…",
      customerMustShow:
        "Alerts fire when invocation logging is disabled or a guardrail is deleted or weakened, and are followed up.",
      checks: [],
      manual: true,
    },
    {
      id: "CC7.2",
      title: "The entity monitors system components and the operation of those components for anomalies…",
      customerMustShow:
        "Invocation logs and CloudTrail are on, protected and retained, and alarms watch Bedrock usage and interventions.",
      checks: checksOf(g.LOG_01, g.LOG_02, g.LOG_03, g.LOG_04, g.MON_01, g.MON_02),
      manual: false,
    },
    {
      id: "CC7.3",
      title: "The entity evaluates security events to determine whether they could or have resulted in a failure…",
      customerMustShow: "Guardrail intervention alarms reach someone who triages them.",
      checks: checksOf(g.MON_02),
      manual: false,
    },
    {
      id: "CC7.4",
      title: "The entity responds to identified security incidents by executing a defined incident response program…",
      customerMustShow: "An incident response plan that covers Bedrock alarms, with evidence it was exercised.",
      checks: [],
      manual: true,
      awsInherited: { scope: AWS_SCOPE.bedrockDocs, part: SERVICE_IR_PART },
    },
    {
      id: "CC8.1",
      title:
        "The entity authorizes, designs, develops or acquires, configures, documents, tests, approves, and implements changes…",
      customerMustShow:
        "Guardrails and prompts change through numbered versions, and only tagged administrators may change guardrails.",
      checks: checksOf(g.IAM_03, g.GR_CHANGE),
      manual: false,
    },
    {
      id: "CC9.2",
      title: "The entity assesses and manages risks associated with vendors and business partners",
      customerMustShow: "AWS and the model providers are assessed as vendors, and AI-service data use is opted out.",
      checks: checksOf(g.GOV_03),
      manual: true,
      awsInherited: {
        scope: AWS_SCOPE.soc2,
        part: "AWS is a subservice organisation; its controls are described in its own SOC 2 report",
      },
    },
    {
      id: "A1.1",
      title: "The entity maintains, monitors, and evaluates current processing capacity and use of system components…",
      customerMustShow: "Alarms watch Bedrock throttling and token usage, and invocation logs measure current usage.",
      checks: checksOf(g.MON_01, g.LOG_01),
      manual: false,
    },
    {
      id: "A1.2",
      title:
        "The entity authorizes, designs, develops or acquires, implements, operates, approves, maintains, and monitors environmental protections…",
      customerMustShow:
        "AWS's SOC 2 report for the service's recovery infrastructure; the entity's own recovery plan for its Bedrock configuration.",
      checks: [],
      manual: true,
      awsInherited: {
        scope: AWS_SCOPE.soc2,
        part: "Environmental protections, back-up and recovery infrastructure of the Bedrock service",
      },
    },
    {
      id: "C1.1",
      title:
        "The entity identifies and maintains confidential information to meet the entity's objectives related to confidentiality",
      customerMustShow:
        "Confidential Bedrock data is under customer managed keys, PII filters enforce, and AI-service data use is opted out.",
      checks: checksOf(g.ENC_02, g.GR_04, g.GOV_03),
      manual: false,
    },
    {
      id: "C1.2",
      title: "The entity disposes of confidential information…",
      customerMustShow: "Invocation logs have a deliberate retention setting and agent sessions expire quickly.",
      checks: checksOf(g.LOG_RETENTION, g.AGENT_SESSION),
      manual: false,
    },
    {
      id: "PI1.4",
      title:
        "The entity implements policies and procedures to make available or deliver output completely, accurately, and timely…",
      customerMustShow:
        "Only when Processing Integrity is in the report's scope: answers are checked for grounding or against formal rules.",
      checks: checksOf(g.GR_05),
      manual: false,
    },
  ],
};
