import { describe, expect, it } from "vitest";
import { allows, hashSecret, mintKey, parseToken, secretMatches } from "../../../domain/api-key.js";

describe("API keys", () => {
  it("mints a token that parses back to its id and whose secret matches only its own hash", () => {
    const a = mintKey();
    const b = mintKey();
    expect(a.token).toMatch(/^chk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseToken(a.token);
    expect(parsed?.keyId).toBe(a.keyId);
    expect(secretMatches(parsed?.secret as string, a.secretHash)).toBe(true);
    expect(secretMatches(parsed?.secret as string, b.secretHash)).toBe(false);
    expect(a.secretHash).toBe(hashSecret(parsed?.secret as string));
    expect(a.token).not.toContain(a.secretHash);
  });

  it("refuses tokens that are not shaped like ours", () => {
    for (const token of [
      "",
      "chk_",
      `chk_${"a".repeat(12)}_short`,
      `xyz_${"a".repeat(12)}_${"b".repeat(43)}`,
      `chk_${"A".repeat(12)}_${"b".repeat(43)}`,
    ])
      expect(parseToken(token), token).toBeNull();
    expect(secretMatches("x", "not-hex")).toBe(false);
  });

  it("gives each role exactly its permissions", () => {
    expect(["service", "analyst", "admin"].filter((r) => allows(r as never, "submit"))).toEqual([
      "service",
      "analyst",
    ]);
    expect(["service", "analyst", "admin"].filter((r) => allows(r as never, "review"))).toEqual([
      "analyst",
    ]);
    expect(
      ["service", "analyst", "admin"].filter((r) => allows(r as never, "manage_keys")),
    ).toEqual(["admin"]);
    expect(["service", "analyst", "admin"].every((r) => allows(r as never, "read"))).toBe(true);
  });
});
