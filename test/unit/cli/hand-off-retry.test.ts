// The hand-off to a running server asks again when a connection is dropped (a busy
// server can close a kept-alive socket as it is reused), and says plainly that the
// server did not answer once its retries are spent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { callServer } from "../../../cli/hand-off.js";

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function serve(drop: number): Promise<{ url: string; seen: () => number }> {
  let seen = 0;
  server = createServer((req, res) => {
    seen++;
    if (seen <= drop) {
      req.socket.destroy();
      return;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true, auth: req.headers.authorization }));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen: () => seen };
}

const endpoint = (url: string) => ({ url, token: "chk_t", pid: 1, version: 1 }) as never;

describe("a request to the server holding the data directory", () => {
  it("is sent again after a dropped connection, and answered", async () => {
    const { url, seen } = await serve(2);
    const { body } = await callServer<{ ok: boolean; auth: string }>(
      endpoint(url),
      "/v1/cases/x",
      {},
      [1, 1, 1],
    );
    expect(body).toEqual({ ok: true, auth: "Bearer chk_t" });
    expect(seen()).toBe(3);
  });

  it("fails with a plain message once its retries are spent", async () => {
    const { url, seen } = await serve(10);
    await expect(callServer(endpoint(url), "/v1/cases/x", {}, [1, 1])).rejects.toThrow(
      /the server holding this data directory \(pid 1, http:\/\/127\.0\.0\.1:\d+\) did not answer/,
    );
    expect(seen()).toBe(3);
  });
});
