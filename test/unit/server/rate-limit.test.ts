import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../server/http/rate-limit.js";

describe("the token-bucket rate limiter", () => {
  it("allows a burst, then asks to wait the seconds until one token is back", () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 0.5, burst: 2 }, () => now);
    expect([limiter.take("k"), limiter.take("k")]).toEqual([0, 0]);
    expect(limiter.take("k")).toBe(2); // 1 token at 0.5/s
    now += 1_000;
    expect(limiter.take("k")).toBe(1);
    now += 1_000;
    expect(limiter.take("k")).toBe(0);
  });

  it("keeps one bucket per holder", () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBeGreaterThan(0);
    expect(limiter.take("b")).toBe(0);
  });

  it("never holds more than its burst however long a holder was idle", () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 10, burst: 3 }, () => now);
    limiter.take("k");
    now += 3_600_000;
    const allowed = Array.from({ length: 5 }, () => limiter.take("k")).filter((w) => w === 0);
    expect(allowed).toHaveLength(3);
  });
});
