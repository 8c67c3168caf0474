import "server-only";
import type { Vpc, VpcEndpoint } from "@/server/inventory/network";

/** `com.amazonaws.<region>.<service>` (China regions use the `cn.com.amazonaws` prefix). */
export function serviceName(partition: string, region: string, service: string): string {
  return `${partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws"}.${region}.${service}`;
}

export const isAvailable = (e: VpcEndpoint) => e.state.toLowerCase() === "available";

type Where = { partition: string; region: string };

/** Endpoints of `services` (FIPS variants count), optionally only of the given endpoint types. */
export function endpointsOf(
  endpoints: readonly VpcEndpoint[],
  w: Where,
  services: readonly string[],
  types?: readonly VpcEndpoint["vpcEndpointType"][],
): VpcEndpoint[] {
  const names = new Set(
    services.flatMap((s) => [serviceName(w.partition, w.region, s), serviceName(w.partition, w.region, `${s}-fips`)]),
  );
  return endpoints.filter((e) => names.has(e.serviceName) && (!types || types.includes(e.vpcEndpointType)));
}

/** Interface endpoints of bedrock-runtime (InvokeModel, Converse, ApplyGuardrail). */
export function runtimeEndpoints(endpoints: readonly VpcEndpoint[], w: Where): VpcEndpoint[] {
  return endpointsOf(endpoints, w, ["bedrock-runtime"], ["Interface"]);
}

export function nonDefaultVpcs(vpcs: readonly Vpc[]): Vpc[] {
  return vpcs.filter((v) => !v.isDefault);
}

export function endpointArn(e: VpcEndpoint, inv: { partition: string; region: string; accountId: string }): string {
  return `arn:${inv.partition}:ec2:${inv.region}:${inv.accountId}:vpc-endpoint/${e.vpcEndpointId}`;
}

export function vpcArn(vpcId: string, inv: { partition: string; region: string; accountId: string }): string {
  return `arn:${inv.partition}:ec2:${inv.region}:${inv.accountId}:vpc/${vpcId}`;
}
