// A degree profile read back from the app database is trusted only in its shape:
// anything else is null, and the case reads the profile from the warehouse.
import { describe, expect, it } from "vitest";
import { asDegreeProfile } from "../../../../tools/links/index.js";

const spread = { sampled: 10, q1: 1, median: 1, q3: 2, max: 40 };
const profile = {
  device: spread,
  ip: { ...spread, q3: 3 },
  payout_account: spread,
  address: spread,
  buyerShopPairs: 1200,
  blockScores: { toys: [0, 0.2, 1.5] },
};

describe("a stored degree profile", () => {
  it("is read back as it was stored", () => {
    expect(asDegreeProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
  });

  it.each([
    ["nothing", null],
    ["a string", "profile"],
    ["a kind missing", { ...profile, ip: undefined }],
    ["a quartile that is not a number", { ...profile, device: { ...spread, q3: "2" } }],
    ["pairs that are not a number", { ...profile, buyerShopPairs: "many" }],
    ["block scores that are not numbers", { ...profile, blockScores: { toys: [1, "x"] } }],
  ])("is refused when it holds %s", (_what, stored) => {
    expect(asDegreeProfile(stored)).toBeNull();
  });
});
