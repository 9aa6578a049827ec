// The pg-boss queue's timings: a job outlives the longest attempt at a run and two
// leases (a live run is never retried beside itself), within pg-boss's 24-hour cap;
// values out of range are refused with bad_argument.
import { describe, expect, it } from "vitest";
import { isAppError } from "../../../domain/errors.js";
import { queueTimings } from "../../../server/worker/pgboss.js";

describe("the pg-boss queue timings", () => {
  it("expire a job after the run's hard deadline plus two leases, with a minute to spare", () => {
    expect(queueTimings(30_000).expireInSeconds).toBe(180 + 60 + 60);
    expect(queueTimings(2_000, 10_000).expireInSeconds).toBe(14 + 60);
    expect(queueTimings(3_600_000, 3 * 3_600_000).expireInSeconds).toBe(5 * 3600 + 60);
    expect(queueTimings(3_600_000, 30 * 3_600_000).expireInSeconds).toBe(23 * 3600);
  });

  it("retry three times with backoff by default, and take overrides", () => {
    expect(queueTimings(30_000)).toMatchObject({ retryLimit: 3, retryDelaySeconds: 15 });
    expect(queueTimings(30_000, undefined, { retryLimit: 0 }).retryLimit).toBe(0);
  });

  it("refuse values pg-boss would reject", () => {
    for (const bad of [
      { pollingIntervalSeconds: 0.1 },
      { retryLimit: -1 },
      { retryDelaySeconds: 1.5 },
      { expireInSeconds: 0 },
      { expireInSeconds: 86_400 },
    ]) {
      let refused: unknown;
      try {
        queueTimings(30_000, undefined, bad);
      } catch (error) {
        refused = error;
      }
      expect(isAppError(refused, "bad_argument"), JSON.stringify(bad)).toBe(true);
    }
  });
});
