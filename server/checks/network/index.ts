import "server-only";
import type { Check } from "../define-check";
import bedrockCustomizationJobVpc from "./bedrock-customization-job-vpc";
import vpcBedrockAgentRuntimeEndpoint from "./vpc-bedrock-agent-runtime-endpoint";
import vpcBedrockRuntimeEndpoint from "./vpc-bedrock-runtime-endpoint";
import vpcBedrockRuntimeEndpointPolicy from "./vpc-bedrock-runtime-endpoint-policy";
import vpcBedrockRuntimeEndpointPrivateDns from "./vpc-bedrock-runtime-endpoint-private-dns";
import vpcBedrockRuntimeEndpointSecurityGroup from "./vpc-bedrock-runtime-endpoint-security-group";
import vpcPrivateLoggingEndpoints from "./vpc-private-logging-endpoints";

export const networkChecks: readonly Check[] = [
  vpcBedrockRuntimeEndpoint,
  vpcBedrockRuntimeEndpointPrivateDns,
  vpcBedrockRuntimeEndpointPolicy,
  vpcBedrockRuntimeEndpointSecurityGroup,
  vpcBedrockAgentRuntimeEndpoint,
  vpcPrivateLoggingEndpoints,
  bedrockCustomizationJobVpc,
];
