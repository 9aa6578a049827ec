// Fuzz: 1,200 generated malformed requests over raw HTTP. None may get a 5xx, every
// error must be problem+json without a stack trace, no response may echo a key's
// secret, and the server must still be healthy (and still decide cases) afterwards.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, prepareWorld, startTestApi, type TestApi, waitForCase } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";
import { createFuzzer, type FuzzRequest } from "./fuzz-requests.js";

const REQUESTS = 1_200;

function send(
  url: string,
  req: FuzzRequest,
): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.path,
        // A body always goes with its length (OPTIONS and DELETE are not chunked by default).
        headers:
          req.body === undefined
            ? req.headers
            : { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`timeout: ${req.method} ${req.path}`)));
    outgoing.on("error", reject);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

export function fuzzSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`fuzzing the REST API on ${engine}`, () => {
    let t: TestDatabase;
    let api: TestApi;
    let caseIds: string[];

    beforeAll(async () => {
      t = await open();
      await prepareWorld(t.db);
      api = await startTestApi(t.db, {
        url: t.url,
        limits: {
          perKey: { perSecond: 10_000, burst: 10_000 },
          failures: { perSecond: 50, burst: 300 },
        },
      });
      const submitted = await call(api, "POST", "/v1/cases", {
        key: api.keys.analyst,
        json: { subject: { type: "seller", id: "slr_fuzz" }, allegation: "fuzz target" },
      });
      caseIds = [(submitted.body as { id: string }).id];
      await waitForCase(api, api.keys.analyst, caseIds[0] as string);
    });
    afterAll(async () => {
      await api?.stop();
      await t?.dispose();
    });

    it(`answers ${REQUESTS} malformed requests without a 5xx, a stack trace or a leaked secret`, async () => {
      const next = createFuzzer(20261124, { keys: Object.values(api.keys), caseIds });
      const statuses = new Map<number, number>();
      const secrets = Object.values(api.keys).map((k) => k.slice(-43));
      for (let i = 0; i < REQUESTS; i++) {
        const req = next();
        const where = `#${i} ${req.method} ${req.path.slice(0, 120)}`;
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(api.url, req);
        } catch (error) {
          throw new Error(
            `${where} (${req.body?.length ?? 0} body bytes, ${JSON.stringify(req.headers).slice(0, 200)}): ${(error as Error).message}`,
          );
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status, `${where}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
        expect(answer.status, where).toBeGreaterThanOrEqual(200);
        if (answer.status >= 400 && req.method !== "HEAD") {
          expect(answer.type, where).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(answer.text) as { status: number; type: string };
          expect(problem.status, where).toBe(answer.status);
          expect(problem.type, where).toMatch(/^urn:casehound:problem:/);
        }
        expect(answer.text, where).not.toMatch(/\n\s+at .+:\d+:\d+/);
        for (const secret of secrets) expect(answer.text.includes(secret), where).toBe(false);
      }
      // The mix must reach every layer: auth, routing, methods, validation, handlers.
      const count = (status: number) => statuses.get(status) ?? 0;
      expect(count(401)).toBeGreaterThan(100);
      expect(count(404)).toBeGreaterThan(100);
      expect(count(405)).toBeGreaterThan(50);
      expect(count(400)).toBeGreaterThan(20);
      expect(count(200) + count(201) + count(202)).toBeGreaterThan(50);

      // Still healthy, and still doing its job.
      expect((await call(api, "GET", "/readyz")).status).toBe(200);
      const after = await call(api, "POST", "/v1/cases", {
        key: api.keys.analyst,
        json: { subject: { type: "seller", id: "slr_after_fuzz" }, allegation: "still working?" },
      });
      expect(after.status).toBe(202);
      const done = await waitForCase(api, api.keys.analyst, (after.body as { id: string }).id);
      expect(done.status).toBe("decided");
    }, 600_000);
  });
}
