import "server-only";
import { PROD_WORKLOADS } from "./workloads-prod";
import { NONPROD_WORKLOADS } from "./workloads-nonprod";
import { user, type Workload } from "./workload-kit";

export { rhythmWeight, type GuardrailUse, type Workload } from "./workload-kit";

/** The demo estate's Bedrock callers. Weights are shares of ordinary traffic (the stolen key comes on top). */
export const WORKLOADS: readonly Workload[] = [...PROD_WORKLOADS, ...NONPROD_WORKLOADS];

/** The IAM user whose access key leaks: ordinary daytime use in the sandbox, then bursts at night. */
export const STOLEN_KEY_ARN = user("sandbox", "dev-jmorales");
