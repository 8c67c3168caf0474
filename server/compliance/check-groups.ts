import "server-only";

/**
 * Our checks grouped by the check rows of compliance-mapping.md §2.3/§2.4 (IAM-01 … GOV-03), so the
 * framework modules read like that matrix. Only names for lists: which requirement a check evidences
 * is decided in the framework modules alone. MON-03, MON-04, GOV-04 and ENC-06 have no check yet.
 */
const group = <const T extends readonly string[]>(...ids: T): T => ids;

export const IAM_01 = group(
  "iam-bedrock-invoke-specific-resources",
  "iam-no-bedrock-wildcard-action",
  "iam-bedrock-api-key-owner-not-admin",
  "iam-unknown-bedrock-condition-keys",
);
/** Unconditioned marketplace subscriptions onboard unapproved models (Pg: marketplace wildcard checks). */
export const IAM_MARKETPLACE = group("iam-marketplace-subscribe-wildcard");
export const IAM_02 = group("iam-bedrock-full-access-workloads");
export const IAM_03 = group("iam-guardrail-admin-principal-tag");
export const IAM_04 = group("iam-users-bedrock-access");
export const IAM_05 = group("iam-stale-bedrock-permissions");
export const IAM_06 = group("iam-bedrock-api-keys-long-term");
export const IAM_07 = group("iam-agent-role-least-privilege", "iam-agent-role-not-shared");

export const NET_01 = group(
  "vpc-bedrock-runtime-endpoint",
  "vpc-bedrock-agent-runtime-endpoint",
  "vpc-bedrock-runtime-endpoint-private-dns",
  "vpc-private-logging-endpoints",
  "bedrock-customization-job-vpc",
);
export const NET_02 = group("vpc-bedrock-runtime-endpoint-policy");
export const NET_03 = group("vpc-bedrock-runtime-endpoint-security-group");

export const ENC_01 = group("bedrock-custom-model-kms-cmk", "bedrock-imported-model-kms-cmk");
export const ENC_02 = group(
  "bedrock-agent-kms-cmk",
  "bedrock-guardrail-kms-cmk",
  "bedrock-prompt-kms-cmk",
  "bedrock-knowledge-base-data-source-kms",
  "bedrock-batch-job-output-kms",
);
export const ENC_03 = group("bedrock-kms-key-rotation");
export const ENC_04 = group("bedrock-kms-key-policy-admits-bedrock");
export const ENC_05 = group("bedrock-knowledge-base-bucket-sse-kms", "bedrock-invocation-log-bucket-sse-kms");

export const LOG_01 = group(
  "bedrock-invocation-logging-enabled",
  "bedrock-invocation-logging-both-destinations",
  "bedrock-invocation-logging-text-delivery",
);
export const LOG_ENCRYPTED = group("bedrock-invocation-log-group-encrypted");
export const LOG_RETENTION = group("bedrock-invocation-log-group-retention");
export const LOG_02 = group(...LOG_ENCRYPTED, ...LOG_RETENTION);
/** Private, versioned, tamper-evident log bucket: protection of audit information. */
export const LOG_BUCKET = group("bedrock-invocation-log-bucket-hardened");
export const LOG_03 = group("cloudtrail-multi-region-logging", "cloudtrail-bedrock-data-events");
export const LOG_04 = group("cloudtrail-log-file-validation");
export const TRAIL_KMS = group("cloudtrail-kms-encrypted");

export const GR_01 = group("bedrock-guardrail-exists");
export const GR_02 = group(
  "bedrock-guardrail-content-filters",
  "bedrock-guardrail-denied-topics",
  "bedrock-guardrail-standard-tier",
);
export const GR_03 = group("bedrock-guardrail-prompt-attack-high");
export const GR_04 = group("bedrock-guardrail-pii-policy", "bedrock-guardrail-pii-enforces");
export const GR_05 = group("bedrock-guardrail-contextual-grounding", "bedrock-guardrail-automated-reasoning");
export const GR_06 = group("bedrock-agent-guardrail", "bedrock-flow-guardrail");
export const GR_07 = group("iam-inference-requires-guardrail", "org-scp-require-guardrail");
export const GR_08 = group("bedrock-enforced-guardrail", "org-bedrock-policy");
/** Immutable guardrail versions and managed prompts: change control over the AI configuration. */
export const GR_CHANGE = group("bedrock-guardrail-versioned", "bedrock-prompt-management-in-use");
/** Short agent idle sessions: less conversation data held for a leaked session id to resume. */
export const AGENT_SESSION = group("bedrock-agent-idle-session-ttl");

export const MON_01 = group("bedrock-runtime-alarms");
export const MON_02 = group("bedrock-guardrail-intervention-alarms");

export const GOV_01 = group("org-scp-region-restriction", "bedrock-data-residency");
export const GOV_02 = group("bedrock-inference-profile-geography");
export const GOV_03 = group("org-ai-services-opt-out");

/** One requirement's checks from several groups, without repeats. */
export function checksOf(...groups: readonly (readonly string[])[]): string[] {
  return [...new Set(groups.flat())];
}
