// Test tiers. The heavy trials (the REST API under load, the crash-and-resume trials)
// prove their properties at full size in the full tier
// (CASEHOUND_TEST_TIER=full, `npm run test:full`, what CI runs) and at a smaller size
// in the default tier (`npm test`), so nothing goes untested on a laptop either.
import { loadEnv } from "../../config/env.js";

export const TEST_TIER = loadEnv().CASEHOUND_TEST_TIER;

/** `full` in the full tier, `quick` otherwise. */
export function tierSize<T>(sizes: { full: T; quick: T }): T {
  return TEST_TIER === "full" ? sizes.full : sizes.quick;
}
