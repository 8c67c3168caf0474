import "server-only";

/** A counting semaphore: at most `limit` holders at once, waiters served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next === undefined) this.active -= 1;
    else next();
  }
}

/**
 * SDK middleware bounding one client's in-flight HTTP attempts. It sits in the finalizeRequest step,
 * inside the retry loop, so a request waiting out a backoff does not hold a slot.
 */
export function concurrencyLimit(limit: number) {
  const semaphore = new Semaphore(limit);
  return <A, R>(next: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      await semaphore.acquire();
      try {
        return await next(args);
      } finally {
        semaphore.release();
      }
    };
}
