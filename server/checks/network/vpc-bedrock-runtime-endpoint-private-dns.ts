import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { draft } from "../lib/iam-findings";
import { endpointArn, runtimeEndpoints } from "../lib/network-endpoints";

export default defineCheck({
  id: "vpc-bedrock-runtime-endpoint-private-dns",
  title: "Bedrock runtime endpoints have private DNS enabled",
  severity: "medium",
  category: "Network",
  scope: "region",
  rationale:
    "With private DNS, the standard name bedrock-runtime.<region>.amazonaws.com resolves to the endpoint's private " +
    "addresses inside the VPC, so every SDK uses the endpoint without configuration. Without it, applications keep resolving " +
    "the public endpoint and bypass the endpoint, its policy and its security group unless each one is configured with the " +
    "endpoint-specific DNS name.",
  remediation: {
    console: [
      "Open the Amazon VPC console, choose Endpoints and select the endpoint named in the finding.",
      "Choose Actions > Modify private DNS name and enable private DNS names (the VPC needs DNS hostnames and DNS resolution enabled).",
    ],
    cli: `aws ec2 modify-vpc-attribute --vpc-id vpc-0123456789abcdef0 --enable-dns-hostnames '{"Value":true}'
aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0123456789abcdef0 --private-dns-enabled`,
    terraform: `resource "aws_vpc_endpoint" "bedrock_runtime" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.us-east-1.bedrock-runtime"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}`,
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "ec2");
    return withParts(arn, { vpcEndpoints: inventory.ec2.vpcEndpoints }, ({ vpcEndpoints }) => {
      const runtime = runtimeEndpoints(vpcEndpoints, inventory);
      if (runtime.length === 0)
        return [draft(arn, "NOT_APPLICABLE", `No bedrock-runtime interface endpoint in ${inventory.region}`, { endpoints: 0 })];
      return runtime.map((e) => {
        const evidence = { vpcEndpointId: e.vpcEndpointId, vpcId: e.vpcId, privateDnsEnabled: e.privateDnsEnabled };
        return e.privateDnsEnabled
          ? draft(
              endpointArn(e, inventory),
              "PASS",
              `Endpoint ${e.vpcEndpointId} (VPC ${e.vpcId}) has private DNS enabled`,
              evidence,
            )
          : draft(
              endpointArn(e, inventory),
              "FAIL",
              `Endpoint ${e.vpcEndpointId} (VPC ${e.vpcId}) has private DNS disabled: SDKs keep resolving the public Bedrock endpoint`,
              evidence,
            );
      });
    });
  },
});
