// The batch routes over real HTTP on a real engine: create (flagged sellers or
// subjects, idempotent per key), roles, validation problems, the progress stream
// (progress, then the end), results paged with cursors, and cancel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_TYPE_PREFIX } from "../../../server/http/problem.js";
import {
  BatchList,
  BatchProgressSchema,
  BatchResponse,
  BatchResults,
  CancelledBatch,
} from "../../../server/http/routes/batches-schemas.js";
import { ProblemResponse } from "../../../server/http/schemas.js";
import {
  type Answer,
  call,
  prepareWorld,
  readEventStream,
  slowed,
  startTestApi,
  type TestApi,
} from "../../support/api.js";
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

export function batchesApiSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the batch API on ${engine}`, () => {
    let t: TestDatabase;
    let api: TestApi;
    let sellers: string[];
    let labels: Awaited<ReturnType<typeof prepareWorld>>;
    beforeAll(async () => {
      t = await open();
      labels = await prepareWorld(t.db);
      sellers = (
        await t.db.query<{ entity_id: string }>(
          `SELECT entity_id FROM risk.flags WHERE entity_type = 'seller'
            GROUP BY entity_id ORDER BY max(score) DESC, entity_id LIMIT 4`,
        )
      ).rows.map((r) => r.entity_id);
      // One case at a time over a slowed warehouse: a cancel finds cases still queued.
      api = await startTestApi(t.db, {
        url: t.url,
        limits: OPEN_LIMITS,
        concurrency: 1,
        warehouse: slowed(t.db, 15),
      });
    });
    afterAll(async () => {
      await api?.stop();
      await t?.dispose();
    });

    let batchId: string;

    it("creates a batch of flagged sellers, idempotent per Idempotency-Key", async () => {
      const body = { flagged: { limit: 2 } };
      const headers = { "idempotency-key": "nightly-7" };
      const first = await call(api, "POST", "/v1/batches", {
        key: api.keys.service,
        json: body,
        headers,
      });
      expect(first.status, first.text).toBe(202);
      const batch = BatchResponse.parse(first.body);
      batchId = batch.id;
      expect(first.headers.get("location")).toBe(`/v1/batches/${batch.id}`);
      expect(batch).toMatchObject({ total: 2, origin: { kind: "flagged", limit: 2 } });
      expect(batch.links.results).toBe(`/v1/batches/${batch.id}/results`);
      const again = await call(api, "POST", "/v1/batches", {
        key: api.keys.service,
        json: body,
        headers,
      });
      expect(again.status).toBe(202);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect((again.body as { id: string }).id).toBe(batch.id);
      expectProblem(
        await call(api, "POST", "/v1/batches", {
          key: api.keys.service,
          json: { flagged: { limit: 3 } },
          headers,
        }),
        409,
        "conflict",
      );
      // Another key's same Idempotency-Key is another batch.
      const other = await call(api, "POST", "/v1/batches", {
        key: api.keys.analyst,
        json: body,
        headers,
      });
      expect((other.body as { id: string }).id).not.toBe(batch.id);
    });

    it("streams progress, then the end once every case is settled", async () => {
      const stream = await readEventStream(api, `/v1/batches/${batchId}/events`, api.keys.admin);
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const kinds = stream.events.map((e) => e.event);
      expect(kinds[0]).toBe("progress");
      expect(kinds.at(-1)).toBe("end");
      expect(kinds.slice(0, -1).every((k) => k === "progress")).toBe(true);
      const end = BatchProgressSchema.parse(JSON.parse(stream.events.at(-1)?.data ?? "{}"));
      expect(end).toMatchObject({ finished: true, done: 2, total: 2, etaSeconds: 0 });
      const view = BatchResponse.parse(
        (await call(api, "GET", `/v1/batches/${batchId}`, { key: api.keys.admin })).body,
      );
      expect(view.progress.counts.decided).toBe(2);
    });

    it("pages results with cursors; each row carries its case's verdict hash", async () => {
      const rows = [];
      let path = `/v1/batches/${batchId}/results?limit=1`;
      for (;;) {
        const page = BatchResults.parse(
          (await call(api, "GET", path, { key: api.keys.analyst })).body,
        );
        expect(page.results.length).toBeLessThanOrEqual(1);
        rows.push(...page.results);
        if (!page.next_cursor) break;
        path = `/v1/batches/${batchId}/results?limit=1&cursor=${page.next_cursor}`;
      }
      expect(rows.map((r) => r.subject)).toEqual(sellers.slice(0, 2).map((s) => `seller:${s}`));
      for (const row of rows) {
        const theCase = (
          await call(api, "GET", `/v1/cases/${row.caseId}`, { key: api.keys.analyst })
        ).body as { verdictHash: string; source: string; decision: string };
        expect(row.verdictHash).toBe(theCase.verdictHash);
        expect(row.decision).toBe(theCase.decision);
        expect(theCase.source).toBe("batch");
      }
      const list = BatchList.parse(
        (await call(api, "GET", "/v1/batches?limit=1", { key: api.keys.admin })).body,
      );
      expect(list.batches).toHaveLength(1);
      expect(list.next_cursor).not.toBeNull();
      const next = BatchList.parse(
        (
          await call(api, "GET", `/v1/batches?limit=100&cursor=${list.next_cursor}`, {
            key: api.keys.admin,
          })
        ).body,
      );
      expect(next.batches.map((b) => b.id)).not.toContain(list.batches[0]?.id);
    });

    it("cancels: queued cases never run, a running one finishes, a refused row keeps its reason", async () => {
      const created = await call(api, "POST", "/v1/batches", {
        key: api.keys.analyst,
        json: {
          subjects: [
            ...sellers.map((id) => ({ subject: { type: "seller", id } })),
            { subject: { type: "seller", id: sellers[0] }, asOf: "1990-01-01T00:00:00Z" },
          ],
        },
      });
      expect(created.status, created.text).toBe(202);
      const id = (created.body as { id: string }).id;
      const answer = await call(api, "POST", `/v1/batches/${id}/cancel`, { key: api.keys.analyst });
      expect(answer.status, answer.text).toBe(200);
      const { batch, cancelledCases } = CancelledBatch.parse(answer.body);
      expect(batch.cancelledAt).not.toBeNull();
      expect(cancelledCases).toBeGreaterThanOrEqual(3);
      const stream = await readEventStream(api, `/v1/batches/${id}/events`, api.keys.analyst);
      expect(stream.events.at(-1)?.event).toBe("end");
      const results = BatchResults.parse(
        (await call(api, "GET", `/v1/batches/${id}/results`, { key: api.keys.analyst })).body,
      ).results;
      expect(results.filter((r) => r.state === "cancelled")).toHaveLength(cancelledCases);
      expect(results[4]).toMatchObject({ state: "rejected", caseId: null });
      expect(results[4]?.reason).toMatch(/as-of|warehouse/i);
      for (const row of results.filter((r) => r.state === "cancelled")) {
        expect(row.reason).toMatch(/cancelled/);
        const runs = await t.db.query("SELECT 1 FROM casehound.runs WHERE case_id = $1", [
          row.caseId,
        ]);
        expect(runs.rows).toHaveLength(0);
      }
      expect(results.filter((r) => r.state === "decided")).toHaveLength(4 - cancelledCases);
    });

    it("refuses what it must as problem+json: keys, roles, bodies, cursors, ids, methods", async () => {
      expectProblem(await call(api, "GET", "/v1/batches"), 401, "unauthenticated");
      expectProblem(
        await call(api, "POST", "/v1/batches", { key: api.keys.admin, json: { flagged: {} } }),
        403,
        "forbidden",
      );
      expectProblem(
        await call(api, "POST", `/v1/batches/${batchId}/cancel`, { key: api.keys.admin }),
        403,
        "forbidden",
      );
      const both = expectProblem(
        await call(api, "POST", "/v1/batches", {
          key: api.keys.analyst,
          json: { flagged: {}, subjects: [{ subject: { type: "seller", id: "x" } }] },
        }),
        400,
        "bad_argument",
      );
      expect(both.detail).toMatch(/exactly one of flagged and subjects/);
      const fields = expectProblem(
        await call(api, "POST", "/v1/batches", {
          key: api.keys.analyst,
          json: { flagged: { limit: 5000, minScore: 2, colour: "red" } },
        }),
        400,
        "bad_argument",
      );
      expect(fields.errors?.map((e) => e.field).sort()).toEqual([
        "flagged.colour",
        "flagged.limit",
        "flagged.minScore",
      ]);
      expectProblem(
        await call(api, "POST", "/v1/batches", {
          key: api.keys.analyst,
          json: { flagged: { category: "no-such-category" } },
        }),
        400,
        "bad_argument",
      );
      expectProblem(
        await call(api, "POST", "/v1/batches", {
          key: api.keys.analyst,
          json: { flagged: {} },
          headers: { "idempotency-key": "" },
        }),
        400,
        "bad_argument",
      );
      expectProblem(
        await call(api, "POST", "/v1/batches", {
          key: api.keys.analyst,
          body: "subjects",
          headers: { "content-type": "text/plain" },
        }),
        415,
        "unsupported_media_type",
      );
      expectProblem(
        await call(api, "GET", `/v1/batches/${batchId}/results?cursor=nope`, {
          key: api.keys.analyst,
        }),
        400,
        "bad_argument",
      );
      expectProblem(
        await call(api, "GET", "/v1/batches?cursor=nope", { key: api.keys.analyst }),
        400,
        "bad_argument",
      );
      expectProblem(
        await call(api, "GET", "/v1/batches/nope", { key: api.keys.analyst }),
        404,
        "not_found",
      );
      expectProblem(
        await call(api, "GET", "/v1/batches/nope/events", { key: api.keys.analyst }),
        404,
        "not_found",
      );
      expectProblem(
        await call(api, "POST", "/v1/batches/nope/cancel", { key: api.keys.analyst }),
        404,
        "not_found",
      );
      expectProblem(
        await call(api, "DELETE", `/v1/batches/${batchId}`, { key: api.keys.analyst }),
        405,
        "method_not_allowed",
      );
    });

    it("once a batch's cases settle, the worker clusters its sellers: the ring in one cluster", async () => {
      const at = labels.subjects.findIndex((s) => s.kind === "collusion" && s.role === "primary");
      const ring = [labels.subjects[at]?.subject.id as string];
      for (const s of labels.subjects.slice(at + 1)) {
        if (s.role !== "ring_member") break;
        ring.push(s.subject.id);
      }
      ring.sort();
      const ordinary = labels.subjects.find((s) => s.kind === "ordinary")?.subject.id as string;
      const created = await call(api, "POST", "/v1/batches", {
        key: api.keys.service,
        json: { subjects: [...ring, ordinary].map((id) => ({ subject: { type: "seller", id } })) },
      });
      expect(created.status, created.text).toBe(202);
      const id = BatchResponse.parse(created.body).id;
      expect(BatchResponse.parse(created.body).clusters).toBeNull();
      // The worker's finish step runs after the last case settles; look until it has.
      let view = BatchResponse.parse(
        (await call(api, "GET", `/v1/batches/${id}`, { key: api.keys.admin })).body,
      );
      while (view.clusters === null || !view.progress.finished) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        view = BatchResponse.parse(
          (await call(api, "GET", `/v1/batches/${id}`, { key: api.keys.admin })).body,
        );
      }
      expect(view.clusters.map((c) => c.members)).toEqual([ring]);
      const [cluster] = view.clusters;
      expect(view.total).toBe(4 + (cluster?.reinvestigate.length ?? 0));
      const results = BatchResults.parse(
        (await call(api, "GET", `/v1/batches/${id}/results`, { key: api.keys.admin })).body,
      ).results;
      for (const row of results)
        expect(row.cluster, row.subject).toBe(
          ring.includes(row.subject.replace("seller:", "")) ? cluster?.id : null,
        );
      const reviews = results.filter((r) => r.reviewOf !== null).map((r) => r.subject);
      expect(reviews).toEqual(cluster?.reinvestigate.map((m) => `seller:${m}`));
    });

    it("documents every batch route in the OpenAPI document", async () => {
      const spec = (await call(api, "GET", "/openapi.json")).body as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      };
      for (const path of [
        "/v1/batches",
        "/v1/batches/{id}",
        "/v1/batches/{id}/results",
        "/v1/batches/{id}/cancel",
        "/v1/batches/{id}/events",
      ])
        expect(spec.paths).toHaveProperty([path]);
      for (const [, id] of JSON.stringify(spec).matchAll(/"#\/components\/schemas\/(\w+)"/g))
        expect(spec.components.schemas, id).toHaveProperty(id as string);
      expect(spec.components.schemas).toHaveProperty("CreateBatch");
      expect(spec.components.schemas).toHaveProperty("BatchCluster");
    });
  });
}
