import { createClients, destroyClients, type AwsClients } from "../clients";
import type { FakeAws } from "./fake-aws";

/** Starts the fake endpoint and returns SDK clients pointed at it, with static fake credentials. */
export async function startClients(fake: FakeAws): Promise<AwsClients> {
  const endpoint = await fake.start();
  return createClients({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" },
    endpoint,
    maxAttempts: 3,
  });
}

export async function stopClients(fake: FakeAws, clients: AwsClients): Promise<void> {
  destroyClients(clients);
  await fake.stop();
}
