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

/**
 * Only the keys Bedrock resources and log destinations reference (ids, ARNs or aliases). `later`
 * names keys known only once another collector is done (bucket default keys); the first ones are
 * read meanwhile. A key is read as soon as its DescribeKey answers, once however many references
 * (alias, id, ARN) lead to it, and keys come out in the order of their first reference.
 */
export async function collectKms(
  clients: { kms: KMSClient },
  _ctx: CollectContext,
  keyIds: string[],
  later: Promise<string[]> = Promise.resolve([]),
): Promise<{ keys: Part<unknown> }> {
  const keys = await collectPart("kms:DescribeKey", async () => {
    const seen = new Set<string>();
    const reads = new Map<string, { order: number; read: Promise<Awaited<ReturnType<typeof key>>> }>();
    let next = 0;
    const readAll = (refs: string[]) => {
      const fresh = [...new Set(refs)].filter((ref) => !seen.has(ref)).map((ref) => ({ ref, order: next++ }));
      for (const { ref } of fresh) seen.add(ref);
      return mapLimit(fresh, PER_SERVICE_CONCURRENCY, async ({ ref, order }) => {
        const described = await describe(clients.kms, ref);
        const known = reads.get(described.id);
        if (known !== undefined) {
          known.order = Math.min(known.order, order);
          return;
        }
        const read = key(clients.kms, described);
        // Awaited below with the others; this only keeps an early failure from counting as unhandled.
        read.catch(() => undefined);
        reads.set(described.id, { order, read });
      });
    };
    await readAll(keyIds);
    await readAll(await later);
    return Promise.all([...reads.values()].sort((a, b) => a.order - b.order).map((r) => r.read));
  });
  return { keys };
}
