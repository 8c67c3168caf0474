import "server-only";

/**
 * A counting semaphore: at most `limit` holders at once. Urgent waiters are served before the
 * others; each kind in arrival order.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly urgent: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async acquire(urgent = false): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => (urgent ? this.urgent : this.waiting).push(resolve));
  }

  release(): void {
    const next = this.urgent.shift() ?? this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next === undefined) this.active -= 1;
    else next();
  }
}

/**
 * SDK middleware bounding in-flight HTTP attempts: one client's (per service) and, optionally, the
 * whole scan's. It sits in the finalizeRequest step, inside the retry loop, so a request waiting out
 * a backoff holds no slot. The per-service slot is taken first so a throttled service's queue never
 * holds scan-wide slots that other services could use. `urgent` requests jump the scan-wide queue.
 */
export function concurrencyLimit(perService: Semaphore, scan?: Semaphore, urgent = false) {
  return <A, R>(next: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      await perService.acquire();
      try {
        await scan?.acquire(urgent);
        try {
          return await next(args);
        } finally {
          scan?.release();
        }
      } finally {
        perService.release();
      }
    };
}
