import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { draft } from "../lib/iam-findings";
import { endpointsOf, isAvailable, nonDefaultVpcs, runtimeEndpoints, vpcArn } from "../lib/network-endpoints";

export default defineCheck({
  id: "vpc-private-logging-endpoints",
  title: "VPCs with a Bedrock endpoint also have logs and S3 endpoints",
  severity: "low",
  category: "Network",
  scope: "region",
  rationale:
    "A VPC that keeps Bedrock traffic private usually also writes application logs, prompt audit records and documents to " +
    "CloudWatch Logs and S3. Without a logs interface endpoint and an S3 (gateway or interface) endpoint that traffic still " +
    "needs a route to the internet, which defeats the private design and keeps egress paths open for exfiltration.",
  remediation: {
    console: [
      "Open the Amazon VPC console and choose Endpoints > Create endpoint.",
      "Create an interface endpoint for com.amazonaws.<region>.logs in the VPC (private DNS on).",
      "Create a gateway endpoint for com.amazonaws.<region>.s3 and associate it with the private subnets' route tables.",
    ],
    cli: `aws ec2 create-vpc-endpoint --vpc-id vpc-0123456789abcdef0 --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.logs \\
  --subnet-ids subnet-0aaa1111 subnet-0bbb2222 --security-group-ids sg-0ccc3333 --private-dns-enabled
aws ec2 create-vpc-endpoint --vpc-id vpc-0123456789abcdef0 --vpc-endpoint-type Gateway --service-name com.amazonaws.us-east-1.s3 \\
  --route-table-ids rtb-0ddd4444`,
    terraform: `resource "aws_vpc_endpoint" "logs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.us-east-1.logs"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private[*].id
}`,
  },
  references: [
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "ec2");
    return withParts(arn, { vpcs: inventory.ec2.vpcs, vpcEndpoints: inventory.ec2.vpcEndpoints }, ({ vpcs, vpcEndpoints }) => {
      const withRuntime = new Set(
        runtimeEndpoints(vpcEndpoints, inventory)
          .filter(isAvailable)
          .map((e) => e.vpcId),
      );
      const candidates = nonDefaultVpcs(vpcs).filter((v) => withRuntime.has(v.vpcId));
      if (candidates.length === 0)
        return [
          draft(arn, "NOT_APPLICABLE", `No VPC in ${inventory.region} has an available bedrock-runtime endpoint`, {
            vpcs: vpcs.length,
          }),
        ];
      const logs = endpointsOf(vpcEndpoints, inventory, ["logs"], ["Interface"]).filter(isAvailable);
      const s3 = endpointsOf(vpcEndpoints, inventory, ["s3"], ["Gateway", "Interface"]).filter(isAvailable);
      return candidates.map((vpc) => {
        const hasLogs = logs.find((e) => e.vpcId === vpc.vpcId);
        const hasS3 = s3.find((e) => e.vpcId === vpc.vpcId);
        const missing = [...(hasLogs ? [] : ["a logs interface endpoint"]), ...(hasS3 ? [] : ["an S3 endpoint"])];
        const evidence = {
          vpcId: vpc.vpcId,
          logsEndpoint: hasLogs?.vpcEndpointId ?? null,
          s3Endpoint: hasS3?.vpcEndpointId ?? null,
        };
        return missing.length > 0
          ? draft(
              vpcArn(vpc.vpcId, inventory),
              "FAIL",
              `VPC ${vpc.vpcId} has a Bedrock runtime endpoint but lacks ${missing.join(" and ")}`,
              evidence,
            )
          : draft(
              vpcArn(vpc.vpcId, inventory),
              "PASS",
              `VPC ${vpc.vpcId} has logs (${hasLogs?.vpcEndpointId ?? ""}) and S3 (${hasS3?.vpcEndpointId ?? ""}) endpoints`,
              evidence,
            );
      });
    });
  },
});
