import type { Redis } from 'ioredis';
import { MemoryRateLimiter, type RateLimiter, type Take } from './rate-limit';

// Token bucket in one atomic step. KEYS[1] bucket; ARGV: now ms, rate per sec, burst, cost.
// Returns {1, 0} when taken, {0, retryAfterMs} otherwise.
const SCRIPT = `
local b = redis.call('HMGET', KEYS[1], 't', 'a')
local now = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local burst = tonumber(ARGV[3]); local cost = tonumber(ARGV[4])
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local ok = 0
local wait = 0
if tokens >= cost then tokens = tokens - cost; ok = 1 else wait = math.ceil((cost - tokens) / rate * 1000) end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {ok, wait}
`;

/** Token buckets shared by every node through Redis, so a user's limit holds across the cluster. */
export class RedisRateLimiter implements RateLimiter {
  /** While Redis is unreachable, each node limits on its own rather than refusing every request. */
  private readonly fallback = new MemoryRateLimiter();

  constructor(private readonly redis: Redis) {
    redis.defineCommand('roundsTake', { numberOfKeys: 1, lua: SCRIPT });
  }

  async take(key: string, perSec: number, burst: number, cost = 1): Promise<Take> {
    if (this.redis.status !== 'ready') return this.fallback.take(key, perSec, burst, cost);
    const r = (await (this.redis as unknown as { roundsTake(...a: unknown[]): Promise<[number, number]> })
      .roundsTake(`rounds:rl:${key}`, Date.now(), perSec, burst, cost)
      .catch(() => undefined)) as [number, number] | undefined;
    if (!r) return this.fallback.take(key, perSec, burst, cost);
    return r[0] === 1 ? { ok: true } : { ok: false, retryAfterMs: r[1] };
  }

  async close(): Promise<void> {
    await this.fallback.close();
    this.redis.disconnect();
  }
}
