import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, listText, perResource } from "../lib/bedrock-findings";

// Only these node types accept a guardrail; Agent nodes use the agent's own guardrail.
const GUARDABLE = new Set(["Prompt", "KnowledgeBase"]);

export default defineCheck({
  id: "bedrock-flow-guardrail",
  title: "Flow prompt and knowledge base nodes have a guardrail",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "In Bedrock Flows, Prompt and Knowledge Base nodes send flow input to a model. Each node carries its own guardrail " +
    "setting, so one unguarded node is a path through which harmful input or output passes unfiltered, even when the " +
    "rest of the flow is protected.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Flows, select the flow and open the flow builder.",
      "Select each Prompt and Knowledge base node and choose a guardrail and version in its configuration.",
      "Save, prepare the flow and create a new version and alias for production.",
    ],
    cli: `# flow-definition.json: add to every Prompt / KnowledgeBase node configuration
#   "guardrailConfiguration": {"guardrailIdentifier": "GUARDRAIL_ID", "guardrailVersion": "1"}
aws bedrock-agent update-flow --flow-identifier FLOW_ID --name FLOW_NAME \\
  --execution-role-arn arn:aws:iam::111122223333:role/FlowExecutionRole \\
  --definition file://flow-definition.json
aws bedrock-agent prepare-flow --flow-identifier FLOW_ID`,
    terraform: `resource "aws_bedrockagent_flow" "this" {
  name               = "support-flow"
  execution_role_arn = aws_iam_role.flow.arn

  definition {
    node {
      name = "Answer"
      type = "Prompt"
      configuration {
        prompt {
          source_configuration {
            resource {
              prompt_arn = aws_bedrockagent_prompt.answer.arn
            }
          }
          guardrail_configuration {
            guardrail_identifier = aws_bedrock_guardrail.this.guardrail_id
            guardrail_version    = aws_bedrock_guardrail_version.this.version
          }
        }
      }
    }
    # ... input/output nodes and connections
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdateFlow.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { flows: inventory.bedrock.flows }, ({ flows }) =>
      perResource(flows, { resourceArn: arn, message: `No flows in ${inventory.region}` }, (flow) => {
        const guardable = flow.nodes.filter((n) => GUARDABLE.has(n.type));
        const unguarded = guardable.filter((n) => !n.guardrailConfiguration);
        const evidence = {
          flow: flow.name,
          nodes: guardable.map((n) => ({ name: n.name, type: n.type, guardrailConfiguration: n.guardrailConfiguration ?? null })),
        };
        if (guardable.length === 0) {
          return finding(flow.arn, "NOT_APPLICABLE", `Flow ${flow.name} has no Prompt or KnowledgeBase nodes`, evidence);
        }
        if (unguarded.length > 0) {
          const names = unguarded.map((n) => `${n.type} node ${n.name}`);
          return finding(flow.arn, "FAIL", `Flow ${flow.name} has ${listText(names)} without a guardrail`, evidence);
        }
        return finding(
          flow.arn,
          "PASS",
          `Flow ${flow.name}: all ${guardable.length} Prompt/KnowledgeBase nodes have a guardrail`,
          evidence,
        );
      }),
    );
  },
});
