import "server-only";
import type { Check } from "../define-check";
import iamAgentRoleLeastPrivilege from "./iam-agent-role-least-privilege";
import iamAgentRoleNotShared from "./iam-agent-role-not-shared";
import iamBedrockApiKeyOwnerNotAdmin from "./iam-bedrock-api-key-owner-not-admin";
import iamBedrockApiKeysLongTerm from "./iam-bedrock-api-keys-long-term";
import iamBedrockFullAccessWorkloads from "./iam-bedrock-full-access-workloads";
import iamBedrockInvokeSpecificResources from "./iam-bedrock-invoke-specific-resources";
import iamGuardrailAdminPrincipalTag from "./iam-guardrail-admin-principal-tag";
import iamInferenceRequiresGuardrail from "./iam-inference-requires-guardrail";
import iamMarketplaceSubscribeWildcard from "./iam-marketplace-subscribe-wildcard";
import iamNoBedrockWildcardAction from "./iam-no-bedrock-wildcard-action";
import iamStaleBedrockPermissions from "./iam-stale-bedrock-permissions";
import iamUnknownBedrockConditionKeys from "./iam-unknown-bedrock-condition-keys";
import iamUsersBedrockAccess from "./iam-users-bedrock-access";

export const iamChecks: readonly Check[] = [
  iamBedrockInvokeSpecificResources,
  iamNoBedrockWildcardAction,
  iamBedrockFullAccessWorkloads,
  iamGuardrailAdminPrincipalTag,
  iamUsersBedrockAccess,
  iamBedrockApiKeysLongTerm,
  iamBedrockApiKeyOwnerNotAdmin,
  iamMarketplaceSubscribeWildcard,
  iamInferenceRequiresGuardrail,
  iamUnknownBedrockConditionKeys,
  iamStaleBedrockPermissions,
  iamAgentRoleLeastPrivilege,
  iamAgentRoleNotShared,
];
