// GET /v1/sellers/{id}/similar over real HTTP on a real engine: a key is needed
// (any role reads); the nearest sellers come back in the documented shape; an
// unknown seller is a 404, a bad k or as_of a 400 naming the field, an as-of with
// no profiled snapshot a 409 — all problem+json — and the route is in the OpenAPI
// document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { PROBLEM_TYPE_PREFIX } from "../../../server/http/problem.js";
import { SimilarSellersResponse } from "../../../server/http/routes/sellers-schemas.js";
import { ProblemResponse } from "../../../server/http/schemas.js";
import { refreshBaselineSnapshot } from "../../../tools/indicators/snapshots.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { type Answer, call, startTestApi, type TestApi } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";

const OPEN_LIMITS = {
  perKey: { perSecond: 10_000, burst: 10_000 },
  failures: { perSecond: 10_000, burst: 10_000 },
};

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = ProblemResponse.parse(answer.body);
  expect(problem.type).toBe(`${PROBLEM_TYPE_PREFIX}${code}`);
  return problem;
}

export function similarApiSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the similar-seller route on ${engine}`, () => {
    let t: TestDatabase;
    let api: TestApi;
    let labels: WorldLabels;
    const planted = (kind: string) =>
      labels.subjects
        .filter((s) => s.kind === kind && s.role === "primary")
        .map((s) => s.subject.id);
    const path = (seller: string, query = "") => `/v1/sellers/${seller}/similar${query}`;

    beforeAll(async () => {
      t = await open();
      await migrate(t.db);
      labels = (await seedWorld(t.db, { size: "small", seed: 5 })).labels;
      await refreshBaselineSnapshot(t.db, t.db, labels.as_of);
      api = await startTestApi(t.db, { url: t.url, limits: OPEN_LIMITS });
    });
    afterAll(async () => {
      await api?.stop();
      await t?.dispose();
    });

    it("needs a key, and every role may read", async () => {
      const seller = planted("ordinary")[0] as string;
      expectProblem(await call(api, "GET", path(seller)), 401, "unauthenticated");
      for (const role of ["service", "analyst", "admin"] as const) {
        const answer = await call(api, "GET", path(seller, "?k=2"), { key: api.keys[role] });
        expect(answer.status, role).toBe(200);
      }
    });

    it("answers the nearest sellers with their past verdicts and the queries behind them", async () => {
      const seller = planted("account_takeover")[0] as string;
      const answer = await call(api, "GET", path(seller, "?k=4"), { key: api.keys.analyst });
      expect(answer.status, answer.text).toBe(200);
      const body = SimilarSellersResponse.parse(answer.body);
      expect(body).toMatchObject({ sellerId: seller, method: "hnsw", k: 4 });
      expect(body.snapshot.asOf).toBe(labels.as_of);
      expect(body.neighbours).toHaveLength(4);
      const distances = body.neighbours.map((n) => n.distance);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(planted("account_takeover")).toContain(body.neighbours[0]?.sellerId);
      expect(body.queries.neighbours.params[0]).toBe(body.snapshot.id);
      // Ten by default.
      const byDefault = await call(api, "GET", path(seller), { key: api.keys.analyst });
      expect(SimilarSellersResponse.parse(byDefault.body).neighbours).toHaveLength(10);
    });

    it("is a 404 for an unknown seller", async () => {
      const problem = expectProblem(
        await call(api, "GET", path("slr_nobody"), { key: api.keys.analyst }),
        404,
        "not_found",
      );
      expect(problem.detail).toMatch(/no seller slr_nobody/);
    });

    it("is a 400 naming the field for a bad k, a bad as_of or an unknown parameter", async () => {
      const seller = planted("ordinary")[0] as string;
      for (const [query, field] of [
        ["?k=0", "k"],
        ["?k=101", "k"],
        ["?k=ten", "k"],
        ["?k=2.5", "k"],
        ["?as_of=yesterday", "as_of"],
        ["?limit=3", "limit"],
      ] as const) {
        const problem = expectProblem(
          await call(api, "GET", path(seller, query), { key: api.keys.analyst }),
          400,
          "bad_argument",
        );
        expect(
          problem.errors?.map((e) => `${e.in}:${e.field}`),
          query,
        ).toContain(`query:${field}`);
      }
    });

    it("is a 409 saying how to make a snapshot when none covers the as-of", async () => {
      const problem = expectProblem(
        await call(
          api,
          "GET",
          path(planted("ordinary")[0] as string, "?as_of=2020-01-01T00:00:00Z"),
          {
            key: api.keys.analyst,
          },
        ),
        409,
        "conflict",
      );
      expect(problem.detail).toMatch(/casehound baselines refresh/);
    });

    it("allows GET only, and is in the OpenAPI document", async () => {
      const seller = planted("ordinary")[0] as string;
      expectProblem(
        await call(api, "POST", path(seller), { key: api.keys.admin, json: {} }),
        405,
        "method_not_allowed",
      );
      const doc = (await call(api, "GET", "/openapi.json")).body as {
        paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
        components: { schemas: Record<string, unknown> };
      };
      const route = doc.paths["/v1/sellers/{id}/similar"];
      expect(route?.get?.parameters?.map((p) => p.name)).toEqual(["id", "k", "as_of"]);
      expect(doc.components.schemas.SimilarSellers).toBeDefined();
    });
  });
}
