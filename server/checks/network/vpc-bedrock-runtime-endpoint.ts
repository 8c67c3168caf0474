import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { draft } from "../lib/iam-findings";
import { isAvailable, nonDefaultVpcs, runtimeEndpoints, serviceName, vpcArn } from "../lib/network-endpoints";

export default defineCheck({
  id: "vpc-bedrock-runtime-endpoint",
  title: "VPCs reach Bedrock runtime through an interface endpoint",
  severity: "high",
  category: "Network",
  scope: "region",
  rationale:
    "Without an interface VPC endpoint for bedrock-runtime, workloads in a VPC send prompts and responses to the public " +
    "Bedrock endpoint through a NAT or internet gateway. A PrivateLink endpoint keeps that traffic on the AWS network, lets " +
    "the VPC run without internet egress, and adds an endpoint policy and security group as extra controls. Default VPCs " +
    "are not evaluated.",
  remediation: {
    console: [
      "Open the Amazon VPC console in the region of the finding and choose Endpoints > Create endpoint.",
      "Choose AWS services and select com.amazonaws.<region>.bedrock-runtime.",
      "Select the VPC, private subnets in at least two Availability Zones and a security group allowing HTTPS (443) from the VPC CIDR.",
      "Enable private DNS names, attach a restrictive endpoint policy, and create the endpoint.",
    ],
    cli: `aws ec2 create-vpc-endpoint --region us-east-1 --vpc-id vpc-0123456789abcdef0 --vpc-endpoint-type Interface \\
  --service-name com.amazonaws.us-east-1.bedrock-runtime --subnet-ids subnet-0aaa1111 subnet-0bbb2222 \\
  --security-group-ids sg-0ccc3333 --private-dns-enabled`,
    terraform: `resource "aws_vpc_endpoint" "bedrock_runtime" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.us-east-1.bedrock-runtime"
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
    const service = serviceName(inventory.partition, inventory.region, "bedrock-runtime");
    return withParts(arn, { vpcs: inventory.ec2.vpcs, vpcEndpoints: inventory.ec2.vpcEndpoints }, ({ vpcs, vpcEndpoints }) => {
      const candidates = nonDefaultVpcs(vpcs);
      if (candidates.length === 0)
        return [draft(arn, "NOT_APPLICABLE", `No non-default VPC in ${inventory.region}`, { vpcs: vpcs.length })];
      const runtime = runtimeEndpoints(vpcEndpoints, inventory);
      return candidates.map((vpc) => {
        const mine = runtime.filter((e) => e.vpcId === vpc.vpcId);
        const evidence = {
          vpcId: vpc.vpcId,
          endpoints: mine.map((e) => ({ id: e.vpcEndpointId, serviceName: e.serviceName, state: e.state })),
        };
        const available = mine.find(isAvailable);
        if (available)
          return draft(
            vpcArn(vpc.vpcId, inventory),
            "PASS",
            `VPC ${vpc.vpcId} has ${service} interface endpoint ${available.vpcEndpointId} (available)`,
            evidence,
          );
        const states = mine.map((e) => `${e.vpcEndpointId} is ${e.state}`);
        return draft(
          vpcArn(vpc.vpcId, inventory),
          "FAIL",
          `VPC ${vpc.vpcId} has no available interface endpoint for ${service}${states.length ? ` (${states.join(", ")})` : ""}`,
          evidence,
        );
      });
    });
  },
});
