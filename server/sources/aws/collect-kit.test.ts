import { describe, expect, it } from "vitest";
import { inOrder } from "./collect-kit";

describe("inOrder", () => {
  it("returns both results in argument order", async () => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("a"), 20));
    expect(await inOrder(slow, Promise.resolve(1))).toEqual(["a", 1]);
  });

  it("reports the first promise's failure even when the second fails sooner", async () => {
    const first = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("first")), 20));
    await expect(inOrder(first, Promise.reject(new Error("second")))).rejects.toThrow("first");
  });

  it("reports the second failure when the first succeeds", async () => {
    await expect(inOrder(Promise.resolve(1), Promise.reject(new Error("second")))).rejects.toThrow("second");
  });
});
