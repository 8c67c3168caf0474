import "server-only";

export type Clock = { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void> };

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    }),
};

/**
 * Spaces calls per key (account/region) so no more than `perSecond` start in any second, as
 * LookupEvents requires (2 per second, per account, per region). Reservations are handed out in
 * order, so concurrent callers queue instead of all waking at once and being throttled.
 */
export class KeyedRateLimiter {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    readonly perSecond: number,
    private readonly clock: Clock = realClock,
  ) {}

  async acquire(key: string, signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, slot + 1000 / this.perSecond);
    if (slot > now) await this.clock.sleep(slot - now, signal);
  }
}

// Process-wide (and on globalThis so dev hot reload keeps it): every reader of an account × region shares one budget.
const holder = globalThis as typeof globalThis & { __strataLookupLimiter?: KeyedRateLimiter };

export function lookupLimiter(): KeyedRateLimiter {
  holder.__strataLookupLimiter ??= new KeyedRateLimiter(2);
  return holder.__strataLookupLimiter;
}
