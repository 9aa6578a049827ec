// `casehound keys`: the key goes to stdout once; listings never show secrets.
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

describe("casehound keys", () => {
  const dir = tempDir("casehound-keys-");
  const env = { CASEHOUND_DATA_DIR: dir };
  afterAll(() => removeDir(dir));

  it("creates a key, lists it without its secret, and revokes it", () => {
    const created = runCli(["keys", "create", "--role", "service", "--name", "billing-sync"], env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^chk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const keyId = token.split("_")[1] as string;
    expect(created.stderr).toContain(`created service key ${keyId}`);

    const listed = runCli(["keys", "list", "--json"], env);
    const keys = JSON.parse(listed.stdout) as {
      keyId: string;
      role: string;
      revokedAt: string | null;
    }[];
    expect(keys).toEqual([expect.objectContaining({ keyId, role: "service", revokedAt: null })]);
    expect(listed.stdout).not.toContain(token.slice(-43));

    const revoked = runCli(["keys", "revoke", keyId], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    const after = JSON.parse(runCli(["keys", "list", "--json"], env).stdout) as {
      revokedAt: string | null;
    }[];
    expect(after[0]?.revokedAt).not.toBeNull();
  });

  it("refuses an unknown role (exit 2), a bad name (exit 2) and an unknown key (exit 1)", () => {
    expect(runCli(["keys", "create", "--role", "root"], env).code).toBe(2);
    expect(runCli(["keys", "create", "--role", "admin", "--name", "<bad>"], env).code).toBe(2);
    const unknown = runCli(["keys", "revoke", "000000000000"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no API key 000000000000");
  });

  it("never revokes the last active admin key, so someone can always manage keys", () => {
    const idOf = (run: { stdout: string }) => run.stdout.trim().split("_")[1] as string;
    const first = idOf(runCli(["keys", "create", "--role", "admin", "--name", "first"], env));
    const refused = runCli(["keys", "revoke", first], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`key ${first} is the last active admin key`);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    const second = idOf(runCli(["keys", "create", "--role", "admin", "--name", "second"], env));
    expect(runCli(["keys", "revoke", first], env).code).toBe(0);
    expect(runCli(["keys", "revoke", second], env).code).toBe(1);
    const keys = JSON.parse(runCli(["keys", "list", "--json"], env).stdout) as {
      keyId: string;
      revokedAt: string | null;
    }[];
    expect(keys.find((k) => k.keyId === second)?.revokedAt).toBeNull();
  });
});
