import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { draft } from "../lib/iam-findings";
import { endpointsOf, isAvailable, nonDefaultVpcs, serviceName, vpcArn } from "../lib/network-endpoints";

export default defineCheck({
  id: "vpc-bedrock-agent-runtime-endpoint",
  title: "VPCs reach Bedrock agent runtime through an interface endpoint",
  severity: "medium",
  category: "Network",
  scope: "region",
  rationale:
    "InvokeAgent, Retrieve and RetrieveAndGenerate go to the bedrock-agent-runtime endpoint, not bedrock-runtime. Where a " +
    "region runs agents or knowledge bases, VPC workloads without a bedrock-agent-runtime interface endpoint send those " +
    "requests, which carry prompts and retrieved documents, over the internet path. Not applicable where the region has no " +
    "agents or knowledge bases, or no non-default VPC.",
  remediation: {
    console: [
      "Open the Amazon VPC console and choose Endpoints > Create endpoint.",
      "Select com.amazonaws.<region>.bedrock-agent-runtime, the VPC, private subnets and a security group allowing 443 from the VPC.",
      "Enable private DNS names and create the endpoint.",
    ],
    cli: `aws ec2 create-vpc-endpoint --region us-east-1 --vpc-id vpc-0123456789abcdef0 --vpc-endpoint-type Interface \\
  --service-name com.amazonaws.us-east-1.bedrock-agent-runtime --subnet-ids subnet-0aaa1111 subnet-0bbb2222 \\
  --security-group-ids sg-0ccc3333 --private-dns-enabled`,
    terraform: `resource "aws_vpc_endpoint" "bedrock_agent_runtime" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.us-east-1.bedrock-agent-runtime"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.bedrock_endpoint.id]
  private_dns_enabled = true
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "ec2");
    const service = serviceName(inventory.partition, inventory.region, "bedrock-agent-runtime");
    const parts = {
      vpcs: inventory.ec2.vpcs,
      vpcEndpoints: inventory.ec2.vpcEndpoints,
      agents: inventory.bedrock.agents,
      knowledgeBases: inventory.bedrock.knowledgeBases,
    };
    return withParts(arn, parts, ({ vpcs, vpcEndpoints, agents, knowledgeBases }) => {
      if (agents.length === 0 && knowledgeBases.length === 0) {
        return [
          draft(arn, "NOT_APPLICABLE", `No Bedrock agents or knowledge bases in ${inventory.region}`, {
            agents: 0,
            knowledgeBases: 0,
          }),
        ];
      }
      const candidates = nonDefaultVpcs(vpcs);
      if (candidates.length === 0)
        return [draft(arn, "NOT_APPLICABLE", `No non-default VPC in ${inventory.region}`, { vpcs: vpcs.length })];
      const endpoints = endpointsOf(vpcEndpoints, inventory, ["bedrock-agent-runtime"], ["Interface"]);
      const users = `${agents.length} agent(s) and ${knowledgeBases.length} knowledge base(s)`;
      return candidates.map((vpc) => {
        const mine = endpoints.filter((e) => e.vpcId === vpc.vpcId);
        const available = mine.find(isAvailable);
        const evidence = {
          vpcId: vpc.vpcId,
          endpoints: mine.map((e) => ({ id: e.vpcEndpointId, state: e.state })),
          agents: agents.length,
          knowledgeBases: knowledgeBases.length,
        };
        return available
          ? draft(
              vpcArn(vpc.vpcId, inventory),
              "PASS",
              `VPC ${vpc.vpcId} has ${service} interface endpoint ${available.vpcEndpointId}`,
              evidence,
            )
          : draft(
              vpcArn(vpc.vpcId, inventory),
              "FAIL",
              `VPC ${vpc.vpcId} has no available interface endpoint for ${service}, while the region has ${users}`,
              evidence,
            );
      });
    });
  },
});
