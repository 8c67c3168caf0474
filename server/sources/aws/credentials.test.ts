import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AwsClients } from "./clients";
import { assumeRoleProvider } from "./credentials";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";

let fake: FakeAws;
let clients: AwsClients;
let lifetimeMs: number;

beforeEach(async () => {
  lifetimeMs = 3600_000;
  fake = new FakeAws().on("sts", "AssumeRole", (req) => ({
    Credentials: {
      AccessKeyId: `ASIA${fake.callCount("sts", "AssumeRole")}`,
      SecretAccessKey: "s",
      SessionToken: `t-${String(req.input.ExternalId)}`,
      Expiration: new Date(Date.now() + lifetimeMs).toISOString(),
    },
  }));
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

const params = { roleArn: "arn:aws:iam::111122223333:role/StrataReadOnly", externalId: "ext-1", sessionName: "strata-scan" };

describe("assumeRoleProvider", () => {
  it("assumes once for concurrent callers and reuses the session while it is fresh", async () => {
    const provider = assumeRoleProvider(clients.sts, params);
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toBe(b);
    expect(a.sessionToken).toBe("t-ext-1");
    await provider();
    expect(fake.callCount("sts", "AssumeRole")).toBe(1);
  });

  it("renews a session that is about to expire", async () => {
    lifetimeMs = 60_000; // inside the five-minute refresh margin
    const provider = assumeRoleProvider(clients.sts, params);
    const first = await provider();
    const second = await provider();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(fake.callCount("sts", "AssumeRole")).toBe(2);
  });

  it("does not cache a failure: the next call tries again", async () => {
    fake.fault("sts", "AssumeRole", "denied", 1);
    const provider = assumeRoleProvider(clients.sts, params);
    await expect(provider()).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(provider()).resolves.toMatchObject({ sessionToken: "t-ext-1" });
  });
});
