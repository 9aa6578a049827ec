import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseToken, secretMatches } from "../../../domain/api-key.js";
import {
  ENDPOINT_FILE,
  loopbackUrl,
  mintLocalKey,
  publishLocalEndpoint,
  readLocalEndpoint,
} from "../../../server/local-endpoint.js";

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), "casehound-endpoint-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the local endpoint of a running server", () => {
  it("mints an analyst key whose token carries the fixed local id and a fresh secret", () => {
    const a = mintLocalKey(new Date("2026-12-03T00:00:00Z"));
    const b = mintLocalKey(new Date("2026-12-03T00:00:00Z"));
    expect(a.key).toMatchObject({ keyId: "localcommand", role: "analyst", revokedAt: null });
    const parsed = parseToken(a.token);
    expect(parsed?.keyId).toBe("localcommand");
    expect(secretMatches(parsed!.secret, a.secretHash)).toBe(true);
    expect(secretMatches(parseToken(b.token)!.secret, a.secretHash)).toBe(false);
  });

  it("publishes an owner-only file that reads back while this process lives, and removes it", () => {
    const d = dir();
    const remove = publishLocalEndpoint(d, { url: "http://127.0.0.1:8080", token: "t" });
    expect(statSync(join(d, ENDPOINT_FILE)).mode & 0o777).toBe(0o600);
    expect(readLocalEndpoint(d)).toEqual({
      pid: process.pid,
      host: hostname(),
      url: "http://127.0.0.1:8080",
      token: "t",
    });
    remove();
    expect(readLocalEndpoint(d)).toBeUndefined();
  });

  it("ignores a file left by a dead process, another host, a non-loopback URL or garbage", () => {
    const d = dir();
    const path = join(d, ENDPOINT_FILE);
    const write = (body: unknown) => writeFileSync(path, JSON.stringify(body));
    const good = { pid: process.pid, host: hostname(), url: "http://127.0.0.1:1", token: "t" };
    write({ ...good, pid: 2 ** 22 + 12345 });
    expect(readLocalEndpoint(d)).toBeUndefined();
    write({ ...good, host: "elsewhere" });
    expect(readLocalEndpoint(d)).toBeUndefined();
    write({ ...good, url: "http://203.0.113.9:8080" });
    expect(readLocalEndpoint(d)).toBeUndefined();
    writeFileSync(path, "{not json");
    expect(readLocalEndpoint(d)).toBeUndefined();
    write(good);
    expect(readLocalEndpoint(d)?.pid).toBe(process.pid);
  });

  it("leaves a file another server wrote since", () => {
    const d = dir();
    const remove = publishLocalEndpoint(d, { url: "http://127.0.0.1:1", token: "t" });
    const other = { pid: 1, host: hostname(), url: "http://127.0.0.1:2", token: "u" };
    writeFileSync(join(d, ENDPOINT_FILE), JSON.stringify(other));
    remove();
    expect(JSON.parse(readFileSync(join(d, ENDPOINT_FILE), "utf8"))).toEqual(other);
  });

  it("gives commands a loopback URL for loopback and wildcard listeners only", () => {
    expect(loopbackUrl("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(loopbackUrl("http://0.0.0.0:9000")).toBe("http://127.0.0.1:9000");
    expect(loopbackUrl("http://[::]:9000")).toBe("http://[::1]:9000");
    expect(loopbackUrl("http://[::1]:9000")).toBe("http://[::1]:9000");
    expect(loopbackUrl("http://10.1.2.3:8080")).toBeUndefined();
  });
});
