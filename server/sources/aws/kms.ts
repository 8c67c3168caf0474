import "server-only";
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, type KMSClient } from "@aws-sdk/client-kms";
import type { Part } from "@/server/inventory/part";
import { call, collectPart } from "./errors";
import { PER_SERVICE_CONCURRENCY, mapLimit, type CollectContext } from "./collect-kit";

function parsePolicy(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Kept raw so the policy checks can quote what did not parse.
    return text;
  }
}

async function describe(client: KMSClient, keyId: string) {
  const { KeyMetadata: meta } = await call("kms:DescribeKey", client.send(new DescribeKeyCommand({ KeyId: keyId })));
  return { id: meta?.KeyId ?? keyId, meta };
}

async function key(client: KMSClient, { id, meta }: Awaited<ReturnType<typeof describe>>) {
  const [policy, rotation] = await Promise.all([
    call("kms:GetKeyPolicy", client.send(new GetKeyPolicyCommand({ KeyId: id, PolicyName: "default" }))),
    // Only symmetric encryption keys can rotate; asking about others is an error, and the answer is "no".
    meta?.KeySpec === undefined || meta.KeySpec === "SYMMETRIC_DEFAULT"
      ? call("kms:GetKeyRotationStatus", client.send(new GetKeyRotationStatusCommand({ KeyId: id })))
      : Promise.resolve({ KeyRotationEnabled: false }),
  ]);
  return {
    keyId: id,
    arn: meta?.Arn,
    keyManager: meta?.KeyManager,
    keyState: meta?.KeyState,
    keySpec: meta?.KeySpec ?? "SYMMETRIC_DEFAULT",
    policy: parsePolicy(policy.Policy),
    rotationEnabled: rotation.KeyRotationEnabled === true,
  };
}

/** Only the keys Bedrock resources and log destinations reference (ids, ARNs or aliases). */
export async function collectKms(
  clients: { kms: KMSClient },
  _ctx: CollectContext,
  keyIds: string[],
): Promise<{ keys: Part<unknown> }> {
  const ids = [...new Set(keyIds)];
  const keys = await collectPart("kms:DescribeKey", async () => {
    const described = await mapLimit(ids, PER_SERVICE_CONCURRENCY, (id) => describe(clients.kms, id));
    // References by alias, id and ARN to one key collapse before the per-key calls.
    const unique = [...new Map(described.map((d) => [d.id, d])).values()];
    return mapLimit(unique, PER_SERVICE_CONCURRENCY, (d) => key(clients.kms, d));
  });
  return { keys };
}
