/** The outcome of taking from a bucket. */
export type Take = { ok: true } | { ok: false; retryAfterMs: number };

/** Shared across nodes when backed by Redis; in-process otherwise. */
export interface RateLimiter {
  /** Takes `cost` tokens from the bucket `key` refilled at `perSec` up to `burst`. */
  take(key: string, perSec: number, burst: number, cost?: number): Take | Promise<Take>;
  close(): Promise<void>;
}

type Bucket = { tokens: number; at: number };

/** Token buckets in a Map, swept of full buckets once a minute. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  take(key: string, perSec: number, burst: number, cost = 1): Take {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSec);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((cost - b.tokens) / perSec) * 1000) };
  }

  private sweep(): void {
    const cutoff = this.now() - 10 * 60_000;
    for (const [key, b] of this.buckets) if (b.at < cutoff) this.buckets.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
