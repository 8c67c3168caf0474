import "server-only";
import type { AdvancedEventSelector } from "@/server/inventory/audit";
import { selectorLogsDataType } from "@/server/checks/lib/trail-coverage";
import { list, member, text } from "./detector";

/** Bedrock data-event resource types (bedrock-formats §4.1, CloudTrail data-event table). */
const BEDROCK_DATA_TYPES = [
  "AWS::Bedrock::AgentAlias",
  "AWS::Bedrock::AsyncInvoke",
  "AWS::Bedrock::FlowAlias",
  "AWS::Bedrock::Guardrail",
  "AWS::Bedrock::InlineAgent",
  "AWS::Bedrock::KnowledgeBase",
  "AWS::Bedrock::Model",
  "AWS::Bedrock::PromptVersion",
  "AWS::Bedrock::Session",
  "AWS::Bedrock::FlowExecution",
  "AWS::Bedrock::AutomatedReasoningPolicy",
  "AWS::Bedrock::AutomatedReasoningPolicyVersion",
  "AWS::Bedrock::DataAutomationProject",
  "AWS::Bedrock::DataAutomationInvocation",
  "AWS::Bedrock::DataAutomationProfile",
  "AWS::Bedrock::Blueprint",
  "AWS::Bedrock::Tool",
] as const;

/** Which Bedrock data types a set of advanced selectors logs. */
export function bedrockTypesOf(selectors: readonly AdvancedEventSelector[]): string[] {
  return BEDROCK_DATA_TYPES.filter((t) => selectors.some((s) => selectorLogsDataType(s, t)));
}

const strings = (v: unknown): string[] | undefined => {
  const values = list(v).filter((x): x is string => typeof x === "string");
  return values.length > 0 ? values : undefined;
};

/** PutEventSelectors request (any casing) → advanced selectors in the inventory's shape. */
function advancedFromRequest(requestParameters: unknown): AdvancedEventSelector[] {
  return list(member(requestParameters, "advancedEventSelectors")).map((s) => ({
    name: text(member(s, "name")),
    fieldSelectors: list(member(s, "fieldSelectors")).map((f) => ({
      field: text(member(f, "field")) ?? "",
      equals: strings(member(f, "equals")),
      startsWith: strings(member(f, "startsWith")),
      endsWith: strings(member(f, "endsWith")),
      notEquals: strings(member(f, "notEquals")),
      notStartsWith: strings(member(f, "notStartsWith")),
      notEndsWith: strings(member(f, "notEndsWith")),
    })),
  }));
}

/** Bedrock types a PutEventSelectors request leaves the trail logging (basic selectors name types directly). */
export function bedrockTypesFromRequest(requestParameters: unknown): string[] {
  const basic = list(member(requestParameters, "eventSelectors")).flatMap((s) =>
    list(member(s, "dataResources")).flatMap((r) => {
      const type = text(member(r, "type"));
      return type?.startsWith("AWS::Bedrock::") ? [type] : [];
    }),
  );
  return [...new Set([...bedrockTypesOf(advancedFromRequest(requestParameters)), ...basic])];
}

/** Trails are named by name or ARN (…:trail/<name>) in requests; the name is what both share. */
export function trailName(ref: string): string {
  return ref.split(":trail/").pop() ?? ref;
}
