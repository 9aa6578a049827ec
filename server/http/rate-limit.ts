// Token buckets: each holder (an API key, or an address failing to authenticate)
// may spend `burst` requests at once and regains `perSecond` a second. Empty
// means 429 with Retry-After: the seconds until one request is allowed again.

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface RateLimiter {
  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(holder: string): number;
}

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();

  function refill(holder: string): { tokens: number; at: number } {
    const t = now();
    // Forget full buckets now and then so the map does not grow with every address seen.
    if (t - sweptAt > 60_000) {
      for (const [key, b] of buckets)
        if (b.tokens + ((t - b.at) / 1000) * limit.perSecond >= limit.burst) buckets.delete(key);
      sweptAt = t;
    }
    const bucket = buckets.get(holder) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(
      limit.burst,
      bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond,
    );
    bucket.at = t;
    buckets.set(holder, bucket);
    return bucket;
  }

  const wait = (tokens: number) => Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));

  return {
    take(holder) {
      const bucket = refill(holder);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return wait(bucket.tokens);
    },
  };
}
