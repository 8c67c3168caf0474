import { afterEach, describe, expect, it } from "vitest";
import { ListKeysCommand } from "@aws-sdk/client-kms";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { createClients, destroyClients, type AwsClients } from "./clients";
import { Semaphore } from "./concurrency";
import { FakeAws } from "./testing/fake-aws";

let fake: FakeAws | undefined;
let clients: AwsClients | undefined;
afterEach(async () => {
  if (clients !== undefined) destroyClients(clients);
  await fake?.stop();
});

describe("Semaphore", () => {
  it("admits at most `limit` holders and hands slots over in order", async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    await s.acquire();
    await s.acquire();
    const third = s.acquire().then(() => order.push(3));
    const fourth = s.acquire().then(() => order.push(4));
    await Promise.resolve();
    expect(order).toEqual([]);
    s.release();
    await third;
    s.release();
    await fourth;
    expect(order).toEqual([3, 4]);
  });

  it("serves urgent waiters (account-wide chains) before earlier ordinary ones", async () => {
    const s = new Semaphore(1);
    const order: string[] = [];
    await s.acquire();
    const regional = s.acquire().then(() => order.push("regional"));
    const urgent = s.acquire(true).then(() => order.push("urgent"));
    s.release();
    await urgent;
    s.release();
    await regional;
    expect(order).toEqual(["urgent", "regional"]);
  });
});

describe("per-service concurrency limit", () => {
  it("bounds in-flight requests per client, independently for each service", async () => {
    fake = new FakeAws().on("kms", "ListKeys", () => ({ Keys: [] })).on("iam", "ListRoles", () => ({ Roles: [] }));
    fake.latencyMs = 60;
    const endpoint = await fake.start();
    clients = createClients({
      region: "us-east-1",
      credentials: { accessKeyId: "A", secretAccessKey: "s" },
      endpoint,
      concurrencyPerService: 3,
    });
    const kms = clients.kms;
    const iam = clients.iam;
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 12 }, () => kms.send(new ListKeysCommand({}))),
      ...Array.from({ length: 12 }, () => iam.send(new ListRolesCommand({}))),
    ]);
    // Two services × 3 slots: never more than 6 at once, and each service needed 4 waves of 60 ms.
    expect(fake.maxInFlight).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 60 - 10);
  });
});
