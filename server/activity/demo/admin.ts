import "server-only";
import { accountByKey, type AccountKey } from "@/server/sources/demo/accounts";
import { guardrail, kmsKey, roleArn } from "@/server/sources/demo/arns";
import { KEY, PROD, STAGING } from "@/server/sources/demo/names";
import { ALL_HARMS, guardrailRequest, loggingRequest, uniform } from "./guardrail-config";
import { AGENT, IP, sso, type EventSpec } from "./kit";
import { admin, terraform } from "./routine";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const id = (k: AccountKey) => accountByKey(k).id;

/**
 * One-off admin work, each a near miss for a detector: changes that look like the incident's but
 * strengthen or keep security (times are days before `end`).
 */
export function adminEvents(end: Date): EventSpec[] {
  const at = (days: number, hour: number) => Math.floor(end.getTime() / DAY) * DAY - days * DAY + hour * HOUR;
  const stgGuard = guardrail(id("staging"), "us-east-1", "summarizer-staging");
  const tuning = guardrail(id("staging"), "us-east-1", "clinical-assistant-staging");
  const prodTrail = `arn:aws:cloudtrail:us-east-1:${id("prod")}:trail/halcyon-prod-audit`;
  const logsKey = kmsKey(id("prod"), "us-east-1", KEY.prodInvocationLogs);
  const stgAdmin = sso("staging", "SandboxDeveloper", "r.patel", IP.office, AGENT.cli);
  const guardRes = (arn: string) => [{ type: "AWS::Bedrock::Guardrail", arn }];
  return [
    // A new guardrail created at MEDIUM, then raised to HIGH the same afternoon.
    {
      account: "staging",
      region: "us-east-1",
      actor: stgAdmin,
      time: at(6, 14),
      name: "CreateGuardrail",
      readOnly: false,
      request: guardrailRequest(null, uniform(ALL_HARMS, "MEDIUM"), "MEDIUM"),
      response: { guardrailArn: stgGuard.arn, guardrailId: stgGuard.id, version: "DRAFT" },
      resources: guardRes(stgGuard.arn),
    },
    {
      account: "staging",
      region: "us-east-1",
      actor: stgAdmin,
      time: at(6, 16),
      name: "UpdateGuardrail",
      readOnly: false,
      request: guardrailRequest(stgGuard.id, uniform(ALL_HARMS, "HIGH"), "HIGH"),
      response: { guardrailArn: stgGuard.arn, guardrailId: stgGuard.id, version: "DRAFT" },
      resources: guardRes(stgGuard.arn),
    },
    // The tuning guardrail's draft re-saved with the settings it already had.
    {
      account: "staging",
      region: "us-east-1",
      actor: stgAdmin,
      time: at(2, 10),
      name: "UpdateGuardrail",
      readOnly: false,
      request: guardrailRequest(tuning.id, uniform(["HATE", "INSULTS", "SEXUAL", "VIOLENCE"], "MEDIUM"), "MEDIUM"),
      response: { guardrailArn: tuning.arn, guardrailId: tuning.id, version: "DRAFT" },
      resources: guardRes(tuning.arn),
    },
    // Logging re-put in prod with text delivery on (a bucket prefix changed).
    {
      account: "prod",
      region: "us-east-1",
      actor: terraform(),
      time: at(20, 15),
      name: "PutModelInvocationLoggingConfiguration",
      readOnly: false,
      request: loggingRequest(
        PROD.logGroups.invocationsUse1,
        roleArn(id("prod"), PROD.roles.invocationLogging),
        true,
        PROD.buckets.logsUse1,
      ),
    },
    // Bedrock data events added to the prod trail; its logging and management events untouched.
    {
      account: "prod",
      region: "us-east-1",
      source: "cloudtrail.amazonaws.com",
      actor: terraform(),
      time: at(30, 15),
      name: "PutEventSelectors",
      readOnly: false,
      request: {
        trailName: prodTrail,
        advancedEventSelectors: [
          { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
          ...["AgentAlias", "KnowledgeBase", "Guardrail"].map((t) => ({
            name: `Bedrock data events: ${t}`,
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: [`AWS::Bedrock::${t}`] },
            ],
          })),
        ],
      },
      resources: [{ type: "AWS::CloudTrail::Trail", arn: prodTrail }],
    },
    {
      account: "prod",
      region: "us-east-1",
      source: "cloudtrail.amazonaws.com",
      actor: admin("prod", "m.okafor"),
      time: at(45, 11),
      name: "UpdateTrail",
      readOnly: false,
      request: { name: prodTrail, enableLogFileValidation: true },
      resources: [{ type: "AWS::CloudTrail::Trail", arn: prodTrail }],
    },
    // A key policy tightened (a grant to a retired role removed).
    {
      account: "prod",
      region: "us-east-1",
      source: "kms.amazonaws.com",
      actor: terraform(),
      time: at(25, 15),
      name: "PutKeyPolicy",
      readOnly: false,
      request: { keyId: logsKey.arn, policyName: "default", bypassPolicyLockoutSafetyCheck: false },
      resources: [{ type: "AWS::KMS::Key", arn: logsKey.arn }],
    },
    {
      account: "staging",
      region: "us-east-1",
      actor: stgAdmin,
      time: at(12, 13),
      name: "CreateModelCustomizationJob",
      readOnly: false,
      request: {
        jobName: "triage-summarizer-ft-v4",
        customModelName: "triage-summarizer-v4",
        roleArn: roleArn(id("staging"), "halcyon-stg-bedrock-batch-inference"),
        baseModelIdentifier: "amazon.nova-lite-v1:0:300k",
        customModelKmsKeyId: kmsKey(id("staging"), "us-east-1", KEY.stagingBatch).arn,
        trainingDataConfig: { s3Uri: `s3://${STAGING.buckets.artifacts}/train/triage-v4.jsonl` },
      },
    },
    {
      account: "staging",
      region: "us-east-1",
      actor: stgAdmin,
      time: at(6, 17),
      name: "CreateGuardrailVersion",
      readOnly: false,
      request: { guardrailIdentifier: stgGuard.id },
      response: { guardrailId: stgGuard.id, version: "1" },
      resources: guardRes(stgGuard.arn),
    },
  ];
}
