// The REST API over real HTTP on a real engine: every route, the auth and role
// matrix, validation problems, idempotency, the event stream's order, review
// binding, key management, metrics, and the lifecycle (graceful stop, resume on start).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../../../db/repositories/cases.js";
import { claimCase } from "../../../db/repositories/runs.js";
import { AuditEvent } from "../../../domain/audit.js";
import { PROBLEM_TYPE_PREFIX } from "../../../server/http/problem.js";
import {
  AuditTrail,
  CaseDetail,
  CaseList,
  CreatedKey,
  EvidenceList,
  ProblemResponse,
  ReviewResponse,
} from "../../../server/http/schemas.js";
import type { WorldLabels } from "../../../world/labels.js";
import {
  type Answer,
  call,
  prepareWorld,
  readEventStream,
  slowed,
  startTestApi,
  type TestApi,
  waitForCase,
} from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";

const OPEN_LIMITS = {
  perKey: { perSecond: 10_000, burst: 10_000 },
  failures: { perSecond: 10_000, burst: 10_000 },
};

function expectProblem(answer: Answer, status: number, code: string): Record<string, unknown> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = ProblemResponse.parse(answer.body);
  expect(problem.type).toBe(`${PROBLEM_TYPE_PREFIX}${code}`);
  expect(problem.status).toBe(status);
  expect(answer.text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack frames
  return problem as Record<string, unknown>;
}

export function apiSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the REST API on ${engine}`, () => {
    let t: TestDatabase;
    let api: TestApi;
    let labels: WorldLabels;
    let decidedId: string;
    const planted = (kind: string) =>
      labels.subjects.find(
        (s) => s.kind === kind && s.intensity === "blatant" && s.role === "primary",
      )?.subject.id as string;

    beforeAll(async () => {
      t = await open();
      labels = await prepareWorld(t.db);
      api = await startTestApi(t.db, { url: t.url, limits: OPEN_LIMITS, concurrency: 2 });
      const submitted = await call(api, "POST", "/v1/cases", {
        key: api.keys.analyst,
        json: {
          subject: { type: "seller", id: planted("brushing") },
          allegation: "Many brand-new buyers leaving five-star reviews",
          typologyHints: ["brushing"],
        },
      });
      decidedId = (submitted.body as { id: string }).id;
      await waitForCase(api, api.keys.analyst, decidedId);
    });
    afterAll(async () => {
      await api?.stop();
      await t?.dispose();
    });

    describe("public routes", () => {
      it("answers /healthz and /readyz without a key", async () => {
        expect((await call(api, "GET", "/healthz")).body).toEqual({ status: "ok" });
        expect((await call(api, "GET", "/readyz")).body).toEqual({
          status: "ready",
          engine: t.db.engine,
        });
      });

      it("serves an OpenAPI 3.1 document naming every route, and a docs page", async () => {
        const spec = (await call(api, "GET", "/openapi.json")).body as {
          openapi: string;
          paths: Record<string, Record<string, unknown>>;
          components: { schemas: Record<string, unknown> };
        };
        expect(spec.openapi).toBe("3.1.0");
        expect(Object.keys(spec.paths)).toEqual(
          expect.arrayContaining([
            "/v1/cases",
            "/v1/cases/{id}",
            "/v1/cases/{id}/evidence",
            "/v1/cases/{id}/audit",
            "/v1/cases/{id}/report",
            "/v1/cases/{id}/events",
            "/v1/cases/{id}/reviews",
            "/v1/keys",
            "/v1/sellers/{id}/similar",
            "/healthz",
            "/readyz",
            "/metrics",
          ]),
        );
        // Every $ref points at a schema that exists.
        for (const [, id] of JSON.stringify(spec).matchAll(/"#\/components\/schemas\/(\w+)"/g))
          expect(spec.components.schemas, id).toHaveProperty(id as string);
        const create = spec.components.schemas.CreateCase as {
          properties: object;
          required: string[];
        };
        expect(Object.keys(create.properties)).toEqual(
          expect.arrayContaining(["subject", "allegation", "typologyHints", "asOf"]),
        );
        expect(create.required).toEqual(expect.arrayContaining(["subject", "allegation"]));
        const docs = await call(api, "GET", "/docs");
        expect(docs.status).toBe(200);
        expect(docs.text).toContain("/v1/cases/{id}/reviews");
      });

      it("sets security headers and never says what it runs on", async () => {
        const answer = await call(api, "GET", "/healthz");
        expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
        expect(answer.headers.get("content-security-policy")).toContain("default-src 'self'");
        expect(answer.headers.get("x-powered-by")).toBeNull();
      });
    });

    describe("authentication and roles", () => {
      type Route = [method: string, path: () => string, allowed: string[], json?: () => unknown];
      const routes: Route[] = [
        [
          "POST",
          () => "/v1/cases",
          ["service", "analyst"],
          () => ({
            subject: { type: "seller", id: "slr_nobody" },
            allegation: "matrix",
          }),
        ],
        ["GET", () => "/v1/cases", ["service", "analyst", "admin"]],
        ["GET", () => `/v1/cases/${decidedId}`, ["service", "analyst", "admin"]],
        ["GET", () => `/v1/cases/${decidedId}/evidence`, ["service", "analyst", "admin"]],
        ["GET", () => `/v1/cases/${decidedId}/audit`, ["service", "analyst", "admin"]],
        ["GET", () => `/v1/cases/${decidedId}/report`, ["service", "analyst", "admin"]],
        ["GET", () => `/v1/cases/${decidedId}/events`, ["service", "analyst", "admin"]],
        ["GET", () => `/v1/cases/${decidedId}/reviews`, ["service", "analyst", "admin"]],
        [
          "POST",
          () => `/v1/cases/${decidedId}/reviews`,
          ["analyst"],
          () => ({
            outcome: "approved",
            reason: "matrix",
            verdictHash: "0".repeat(64),
          }),
        ],
        ["POST", () => "/v1/keys", ["admin"], () => ({ name: "matrix", role: "service" })],
        ["GET", () => "/v1/keys", ["admin"]],
        ["DELETE", () => "/v1/keys/000000000000", ["admin"]],
        ["GET", () => "/metrics", ["service", "analyst", "admin"]],
      ];

      it("refuses every protected route without a key, with a malformed key and with a wrong secret (401)", async () => {
        const forged = `${api.keys.analyst.slice(0, -4)}AAAA`;
        for (const [method, path, , json] of routes) {
          for (const key of [undefined, "not-a-key", forged]) {
            const answer = await call(api, method, path(), { key, json: json?.() });
            expectProblem(answer, 401, "unauthenticated");
            expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
          }
        }
      });

      it("lets each role do exactly what its permissions say (403 otherwise)", async () => {
        for (const [method, path, allowed, json] of routes) {
          for (const role of ["service", "analyst", "admin"] as const) {
            const answer = await call(api, method, path(), { key: api.keys[role], json: json?.() });
            const where = `${role} ${method} ${path()}`;
            if (allowed.includes(role)) {
              expect([401, 403], where).not.toContain(answer.status);
              expect(answer.status, `${where}: ${answer.text}`).toBeLessThan(500);
            } else {
              const problem = expectProblem(answer, 403, "forbidden");
              // "an analyst key", "a service key": the article agrees with the role.
              expect(problem.detail, where).toMatch(
                role === "service"
                  ? /^a service key may not/
                  : new RegExp(`^an ${role} key may not`),
              );
            }
          }
        }
      });

      it("stops accepting a key once an admin revokes it", async () => {
        const created = await call(api, "POST", "/v1/keys", {
          key: api.keys.admin,
          json: { name: "short-lived", role: "service" },
        });
        expect(created.status).toBe(201);
        const { key, token } = CreatedKey.parse(created.body);
        expect(created.headers.get("cache-control")).toBe("no-store");
        expect((await call(api, "GET", "/v1/cases?limit=1", { key: token })).status).toBe(200);
        const listed = await call(api, "GET", "/v1/keys", { key: api.keys.admin });
        expect(listed.text).not.toContain(token.slice(-43)); // the secret is never listed
        expect(listed.text).toContain(key.keyId);
        const revoked = await call(api, "DELETE", `/v1/keys/${key.keyId}`, { key: api.keys.admin });
        expect(revoked.status).toBe(200);
        expect((revoked.body as { revokedAt: string | null }).revokedAt).not.toBeNull();
        expectProblem(await call(api, "GET", "/v1/cases", { key: token }), 401, "unauthenticated");
      });

      it("refuses to revoke the last active admin key (409), which keeps working", async () => {
        const adminId = api.keys.admin.split("_")[1] as string;
        const refused = expectProblem(
          await call(api, "DELETE", `/v1/keys/${adminId}`, { key: api.keys.admin }),
          409,
          "conflict",
        );
        expect(refused.detail).toContain("last active admin key");
        expect((await call(api, "GET", "/v1/keys", { key: api.keys.admin })).status).toBe(200);
      });
    });

    describe("submitting cases", () => {
      const body = { subject: { type: "seller", id: "slr_idem" }, allegation: "idempotency check" };

      it("answers 202 with the case and a Location, and the same Idempotency-Key gives the same case", async () => {
        const headers = { "idempotency-key": `idem-${engine.replace(/\W/g, "-")}` };
        const first = await call(api, "POST", "/v1/cases", {
          key: api.keys.service,
          json: body,
          headers,
        });
        expect(first.status).toBe(202);
        const created = CaseDetail.parse(first.body);
        expect(first.headers.get("location")).toBe(`/v1/cases/${created.id}`);
        expect(created).toMatchObject({
          subject: body.subject,
          source: "analyst",
          priority: "normal",
        });
        const again = await call(api, "POST", "/v1/cases", {
          key: api.keys.service,
          json: body,
          headers,
        });
        expect(again.status).toBe(202);
        expect((again.body as { id: string }).id).toBe(created.id);
        expect(again.headers.get("idempotent-replayed")).toBe("true");
        // A different body under the same key is a conflict, not a silent replay.
        const conflict = expectProblem(
          await call(api, "POST", "/v1/cases", {
            key: api.keys.service,
            json: { ...body, allegation: "something else" },
            headers,
          }),
          409,
          "conflict",
        );
        // The client reads its own key back, not the scoped form it is stored under.
        expect(conflict.detail).toContain(`idempotency key ${headers["idempotency-key"]} was`);
        expect(conflict.detail).not.toMatch(/api:/);
        // Idempotency keys belong to the API key: another client's same key is its own case.
        const other = await call(api, "POST", "/v1/cases", {
          key: api.keys.analyst,
          json: body,
          headers,
        });
        expect((other.body as { id: string }).id).not.toBe(created.id);
        const listed = CaseList.parse(
          (
            await call(api, "GET", "/v1/cases?subject=seller:slr_idem&limit=100", {
              key: api.keys.service,
            })
          ).body,
        );
        expect(listed.cases).toHaveLength(2);
      });

      it("names the offending field of an invalid body with a JSON Pointer", async () => {
        const bad = await call(api, "POST", "/v1/cases", {
          key: api.keys.analyst,
          json: {
            subject: { type: "vendor", id: "x y" },
            allegation: "",
            typologyHints: ["phishing"],
            colour: 1,
          },
        });
        const problem = expectProblem(bad, 400, "bad_argument");
        const pointers = (problem.errors as { pointer: string; in: string }[]).map(
          (e) => e.pointer,
        );
        expect(pointers).toEqual(
          expect.arrayContaining([
            "#/subject/type",
            "#/subject/id",
            "#/allegation",
            "#/typologyHints/0",
            "#/colour",
          ]),
        );
        const header = expectProblem(
          await call(api, "POST", "/v1/cases", {
            key: api.keys.analyst,
            json: body,
            headers: { "idempotency-key": "x".repeat(201) },
          }),
          400,
          "bad_argument",
        );
        expect(header.errors).toEqual([
          expect.objectContaining({ in: "header", field: "Idempotency-Key" }),
        ]);
      });

      it("refuses an as-of outside the warehouse's data with a 400 naming the range, and stores nothing", async () => {
        const subject = { type: "seller", id: planted("brushing") };
        for (const asOf of ["9999-12-31T23:59:59.999999999+14:00", "2001-01-01T00:00:00Z"]) {
          const refused = expectProblem(
            await call(api, "POST", "/v1/cases", {
              key: api.keys.analyst,
              json: { subject, allegation: "as-of probe", asOf },
            }),
            400,
            "bad_argument",
          );
          expect(refused.detail).toMatch(
            /outside the warehouse's data: it must be between \d{4}-\d\d-\d\dT.*Z and \d{4}-.*Z/,
          );
        }
        const listed = await call(api, "GET", `/v1/cases?subject=seller:${subject.id}&limit=100`, {
          key: api.keys.service,
        });
        const cases = (listed.body as { cases: { allegation: string }[] }).cases;
        expect(cases.filter((c) => c.allegation === "as-of probe")).toEqual([]);
      });

      it("refuses bodies that are not JSON, broken JSON and bodies over the limit", async () => {
        expectProblem(
          await call(api, "POST", "/v1/cases", {
            key: api.keys.analyst,
            body: "subject=seller",
            headers: { "content-type": "application/x-www-form-urlencoded" },
          }),
          415,
          "unsupported_media_type",
        );
        expectProblem(
          await call(api, "POST", "/v1/cases", {
            key: api.keys.analyst,
            body: '{"subject": ',
            headers: { "content-type": "application/json" },
          }),
          400,
          "bad_argument",
        );
        expectProblem(
          await call(api, "POST", "/v1/cases", {
            key: api.keys.analyst,
            json: { ...body, allegation: "x".repeat(70 * 1024) },
          }),
          413,
          "too_large",
        );
      });

      it("answers an unknown route with 404 and a wrong method with 405 and Allow", async () => {
        expectProblem(
          await call(api, "GET", "/v1/nothing", { key: api.keys.analyst }),
          404,
          "not_found",
        );
        expectProblem(
          await call(api, "GET", "/v1/cases/no-such-case", { key: api.keys.analyst }),
          404,
          "not_found",
        );
        const wrong = await call(api, "PUT", "/v1/cases", { key: api.keys.analyst });
        expectProblem(wrong, 405, "method_not_allowed");
        expect(wrong.headers.get("allow")).toBe("GET, POST");
      });
    });

    describe("values the database cannot hold", () => {
      const b64 = (text: string) => Buffer.from(text).toString("base64url");
      it("answers NUL characters, year-0 dates, impossible cursors and huge sequence numbers with 4xx, never 500", async () => {
        const key = api.keys.analyst;
        for (const path of [
          "/v1/cases/%00",
          "/v1/cases/%00/events",
          "/v1/cases/%00/report",
          "/v1/cases/%00/audit",
          "/v1/cases?created_after=0000-01-01T00:00:00Z",
          `/v1/cases?cursor=${b64('["2024-02-30T00:00:00Z","x"]')}`,
          `/v1/cases?cursor=${b64('["0000-01-01T00:00:00.000Z","x"]')}`,
          `/v1/cases/${decidedId}/events?after=3000000000`,
        ]) {
          const answer = await call(api, "GET", path, { key });
          expect(answer.status, `${path}: ${answer.text}`).toBeGreaterThanOrEqual(400);
          expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(500);
        }
        const valid = { subject: { type: "seller", id: "slr_x" }, allegation: "ok" };
        for (const json of [
          { ...valid, allegation: "a\u0000b" },
          { ...valid, asOf: "0000-01-01T00:00:00Z" },
        ])
          expectProblem(await call(api, "POST", "/v1/cases", { key, json }), 400, "bad_argument");
        expectProblem(
          await call(api, "POST", `/v1/cases/${decidedId}/reviews`, {
            key,
            json: { outcome: "approved", reason: "nul\u0000", verdictHash: "0".repeat(64) },
          }),
          400,
          "bad_argument",
        );
      });
    });

    describe("reading a decided case", () => {
      it("returns its verdict, its evidence (every cited id among it) and a verified audit trail", async () => {
        const detail = CaseDetail.parse(
          (await call(api, "GET", `/v1/cases/${decidedId}`, { key: api.keys.service })).body,
        );
        expect(detail.status).toBe("decided");
        expect(detail.verdict?.decision).toBe("fraud");
        expect(detail.typology).toBe("brushing");
        const evidence = EvidenceList.parse(
          (await call(api, "GET", `/v1/cases/${decidedId}/evidence`, { key: api.keys.service }))
            .body,
        );
        expect(evidence.verdictHash).toBe(detail.verdictHash);
        const ids = new Set(evidence.evidence.map((e) => e.id));
        for (const finding of detail.verdict?.findings ?? [])
          for (const id of finding.evidence_ids) expect(ids.has(id), id).toBe(true);
        const audit = AuditTrail.parse(
          (
            await call(api, "GET", `/v1/cases/${decidedId}/audit?verify=true`, {
              key: api.keys.service,
            })
          ).body,
        );
        expect(audit.verification).toMatchObject({ ok: true, events: audit.events.length });
        expect(audit.events.at(-1)?.kind).toBe("verdict");
        expectProblem(
          await call(api, "GET", `/v1/cases/${decidedId}/audit?verify=maybe`, {
            key: api.keys.service,
          }),
          400,
          "bad_argument",
        );
      });

      it("renders the report as Markdown or HTML by Accept, and 406 for anything else", async () => {
        const md = await call(api, "GET", `/v1/cases/${decidedId}/report`, {
          key: api.keys.service,
        });
        expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
        expect(md.text).toMatch(/^# Case /);
        expect(md.text).toContain("**Decision: fraud**");
        // Built by the one report builder, evidence grouped in pipeline order, not by id.
        expect(md.text.indexOf("### The subject (intake)")).toBeGreaterThan(0);
        expect(md.text.indexOf("### The subject (intake)")).toBeLessThan(
          md.text.indexOf("### Catalogued indicators (SQL retrieval)"),
        );
        expect(md.text).toMatch(/wall time per step \(ms\): intake [\d.]+, plan [\d.]+, /);
        const html = await call(api, "GET", `/v1/cases/${decidedId}/report`, {
          key: api.keys.service,
          headers: { accept: "text/html" },
        });
        expect(html.headers.get("content-type")).toMatch(/^text\/html/);
        expect(html.text).toContain("<strong>Decision: fraud</strong>");
        expect(html.text).not.toMatch(/<script/i);
        expectProblem(
          await call(api, "GET", `/v1/cases/${decidedId}/report`, {
            key: api.keys.service,
            headers: { accept: "application/pdf" },
          }),
          406,
          "not_acceptable",
        );
      });
    });

    describe("following a run as server-sent events", () => {
      it("streams every audit event once, in chain order, ending after the verdict; Last-Event-ID resumes", async () => {
        const submitted = await call(api, "POST", "/v1/cases", {
          key: api.keys.analyst,
          json: {
            subject: { type: "seller", id: planted("collusion") },
            allegation: "ring of buyers",
          },
        });
        const id = (submitted.body as { id: string }).id;
        const stream = await readEventStream(api, `/v1/cases/${id}/events`, api.keys.analyst);
        expect(stream.status).toBe(200);
        expect(stream.contentType).toMatch(/^text\/event-stream/);
        const end = stream.events.at(-1);
        expect(end?.event).toBe("end");
        expect(JSON.parse(end?.data ?? "{}")).toMatchObject({ status: "decided" });
        const events = stream.events
          .slice(0, -1)
          .map((e) => ({ sse: e, event: AuditEvent.parse(JSON.parse(e.data)) }));
        expect(events.map((e) => e.event.seq)).toEqual(events.map((_, i) => i + 1));
        for (const { sse, event } of events) {
          expect(sse.event).toBe(event.kind);
          expect(sse.id).toBe(String(event.seq));
        }
        const kinds = events.map((e) => e.event.kind);
        expect(kinds[0]).toBe("case_created");
        for (const kind of [
          "run_started",
          "plan",
          "task_dispatched",
          "sql_executed",
          "reasoning",
          "reflection",
        ])
          expect(kinds, kind).toContain(kind);
        expect(kinds.at(-1)).toBe("verdict");
        expect(kinds.indexOf("plan")).toBeLessThan(kinds.indexOf("reasoning"));
        expect(kinds.indexOf("reasoning")).toBeLessThan(kinds.indexOf("reflection"));
        // The stream is the audit trail itself.
        const audit = AuditTrail.parse(
          (await call(api, "GET", `/v1/cases/${id}/audit`, { key: api.keys.analyst })).body,
        );
        expect(events.map((e) => e.event.hash)).toEqual(audit.events.map((e) => e.hash));

        const resumed = await readEventStream(api, `/v1/cases/${id}/events`, api.keys.analyst, {
          "last-event-id": "10",
        });
        expect(resumed.events.slice(0, -1).map((e) => Number(e.id))).toEqual(
          events.slice(10).map((e) => e.event.seq),
        );
        expect(resumed.events.at(-1)?.event).toBe("end");
        expectProblem(
          await call(api, "GET", `/v1/cases/${id}/events`, {
            key: api.keys.analyst,
            headers: { "last-event-id": "ten" },
          }),
          400,
          "bad_argument",
        );
      });
    });

    describe("reviews", () => {
      it("binds a review to the verdict's hash: a stale hash is a conflict, the right one is recorded and audited", async () => {
        const before = CaseDetail.parse(
          (await call(api, "GET", `/v1/cases/${decidedId}`, { key: api.keys.analyst })).body,
        );
        const stale = await call(api, "POST", `/v1/cases/${decidedId}/reviews`, {
          key: api.keys.analyst,
          json: { outcome: "approved", reason: "looks right", verdictHash: "f".repeat(64) },
        });
        expectProblem(stale, 409, "conflict");
        expectProblem(
          await call(api, "POST", `/v1/cases/${decidedId}/reviews`, {
            key: api.keys.analyst,
            json: {
              outcome: "overridden",
              reason: "no decision named",
              verdictHash: before.verdictHash,
            },
          }),
          400,
          "bad_argument",
        );
        const recorded = await call(api, "POST", `/v1/cases/${decidedId}/reviews`, {
          key: api.keys.analyst,
          json: {
            outcome: "overridden",
            decision: "suspicious",
            reason: "the buyers may be a real community",
            verdictHash: before.verdictHash,
          },
        });
        expect(recorded.status, recorded.text).toBe(201);
        const review = ReviewResponse.parse(recorded.body);
        expect(review).toMatchObject({
          verdictHash: before.verdictHash,
          outcome: "overridden",
          decision: "suspicious",
          reviewer: expect.stringContaining("test-analyst"),
        });
        const after = CaseDetail.parse(
          (await call(api, "GET", `/v1/cases/${decidedId}`, { key: api.keys.analyst })).body,
        );
        expect(after.status).toBe("reviewed");
        expect(after.reviews.map((r) => r.reviewId)).toContain(review.reviewId);
        const audit = AuditTrail.parse(
          (
            await call(api, "GET", `/v1/cases/${decidedId}/audit?verify=true`, {
              key: api.keys.analyst,
            })
          ).body,
        );
        expect(audit.verification?.ok).toBe(true);
        expect(audit.events.at(-1)).toMatchObject({
          kind: "review",
          payload: { verdict_hash: before.verdictHash, decision: "suspicious" },
        });
        const report = await call(api, "GET", `/v1/cases/${decidedId}/report`, {
          key: api.keys.analyst,
        });
        expect(report.text).toContain("## Reviews");
      });

      it("refuses to review a case that has no verdict yet", async () => {
        // Stored but not queued here (as if another process took it in): it stays queued
        // for the length of this test, so the refusal cannot be a stale hash instead.
        const { case: waiting } = await createCase(
          t.db,
          { subject: { type: "seller", id: "slr_not_yet" }, allegation: "not decided" },
          { actor: "test" },
        );
        const early = await call(api, "POST", `/v1/cases/${waiting.id}/reviews`, {
          key: api.keys.analyst,
          json: { outcome: "approved", reason: "early", verdictHash: "a".repeat(64) },
        });
        const problem = expectProblem(early, 409, "conflict");
        expect(problem.detail).toMatch(/is queued: only a decided case can be reviewed/);
      });
    });

    describe("listing", () => {
      it("filters by status, decision, typology, subject and date, and pages through every case exactly once", async () => {
        await api.service.queue.idle();
        const all: string[] = [];
        let cursor: string | null = null;
        do {
          const page = CaseList.parse(
            (
              await call(api, "GET", `/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
                key: api.keys.admin,
              })
            ).body,
          );
          expect(page.cases.length).toBeLessThanOrEqual(2);
          all.push(...page.cases.map((c) => c.id));
          cursor = page.next_cursor;
        } while (cursor);
        const { rows } = await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM casehound.cases",
        );
        expect(all).toHaveLength(rows[0]?.n as number);
        expect(new Set(all).size).toBe(all.length);

        const fraud = CaseList.parse(
          (
            await call(api, "GET", "/v1/cases?decision=fraud&typology=brushing", {
              key: api.keys.admin,
            })
          ).body,
        );
        expect(fraud.cases.map((c) => c.id)).toContain(decidedId);
        for (const c of fraud.cases) expect(c.decision).toBe("fraud");
        const unknown = CaseList.parse(
          (
            await call(
              api,
              "GET",
              "/v1/cases?decision=insufficient_evidence,not_fraud&status=decided",
              { key: api.keys.admin },
            )
          ).body,
        );
        expect(unknown.cases.length).toBeGreaterThan(0);
        for (const c of unknown.cases) {
          expect(["insufficient_evidence", "not_fraud"]).toContain(c.decision);
          expect(c.status).toBe("decided");
        }
        const future = CaseList.parse(
          (
            await call(api, "GET", "/v1/cases?created_after=2099-01-01T00:00:00Z", {
              key: api.keys.admin,
            })
          ).body,
        );
        expect(future.cases).toEqual([]);
        const past = CaseList.parse(
          (
            await call(api, "GET", "/v1/cases?created_before=2099-01-01T00:00:00Z&limit=100", {
              key: api.keys.admin,
            })
          ).body,
        );
        expect(past.cases.length).toBe(Math.min(100, all.length));
        for (const query of [
          "limit=0",
          "limit=101",
          "status=lost",
          "cursor=bm9wZQ",
          "subject=seller",
          "created_after=yesterday",
          "limit=1&limit=2",
          "colour=red",
        ]) {
          const problem = expectProblem(
            await call(api, "GET", `/v1/cases?${query}`, { key: api.keys.admin }),
            400,
            "bad_argument",
          );
          expect((problem.errors as { in: string }[])[0]?.in, query).toBe("query");
        }
      });
    });

    describe("metrics", () => {
      it("counts requests, runs, decisions and the queue in Prometheus format", async () => {
        const answer = await call(api, "GET", "/metrics", { key: api.keys.service });
        expect(answer.status).toBe(200);
        expect(answer.text).toMatch(/casehound_runs_total\{outcome="decided"\} [1-9]/);
        expect(answer.text).toMatch(/casehound_decisions_total\{decision="fraud"\} [1-9]/);
        expect(answer.text).toMatch(/casehound_queue_depth \d/);
        expect(answer.text).toMatch(
          /casehound_http_requests_total\{method="POST",route="\/v1\/cases",status="202"\} [1-9]/,
        );
        expect(answer.text).toMatch(/casehound_errors_total\{type="unauthenticated"\} [1-9]/);
        expect(answer.text).toContain("casehound_run_duration_seconds_bucket");
      });
    });
  });

  describe(`rate limits and the service lifecycle on ${engine}`, () => {
    let t: TestDatabase;
    let labels: WorldLabels;
    beforeAll(async () => {
      t = await open();
      labels = await prepareWorld(t.db);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("answers 429 with Retry-After once a key spends its burst, and slows addresses that keep failing", async () => {
      const api = await startTestApi(t.db, {
        url: t.url,
        limits: { perKey: { perSecond: 0.5, burst: 3 }, failures: { perSecond: 0.5, burst: 3 } },
      });
      try {
        const statuses: number[] = [];
        let limited: Answer | undefined;
        for (let i = 0; i < 5; i++) {
          const answer = await call(api, "GET", "/v1/cases", { key: api.keys.analyst });
          statuses.push(answer.status);
          if (answer.status === 429) limited = answer;
        }
        expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
        expect(statuses.slice(3)).toEqual([429, 429]);
        expectProblem(limited as Answer, 429, "rate_limited");
        expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        // Another key has its own bucket.
        expect((await call(api, "GET", "/v1/cases", { key: api.keys.service })).status).toBe(200);
        const failures: number[] = [];
        for (let i = 0; i < 5; i++)
          failures.push((await call(api, "GET", "/v1/cases", { key: "chk_guess" })).status);
        expect(failures).toEqual([401, 401, 401, 429, 429]);
      } finally {
        await api.stop();
      }
    });

    it("pauses running cases at a graceful stop and finishes every case on the next start, once each", async () => {
      const subjects = ["brushing", "collusion", "incentive_abuse", "account_takeover"].map(
        (kind) =>
          labels.subjects.find(
            (s) => s.kind === kind && s.intensity === "subtle" && s.role === "primary",
          )?.subject.id as string,
      );
      // A slow warehouse keeps each run going long enough to be caught mid-way.
      const first = await startTestApi(t.db, {
        url: t.url,
        concurrency: 1,
        limits: OPEN_LIMITS,
        owner: "first",
        warehouse: slowed(t.db, 15),
      });
      const ids = await Promise.all(
        subjects.map(async (id) => {
          const answer = await call(first, "POST", "/v1/cases", {
            key: first.keys.service,
            json: { subject: { type: "seller", id }, allegation: "lifecycle" },
          });
          return (answer.body as { id: string }).id;
        }),
      );
      // Stop while one case is mid-run: no grace, so it pauses at its next step.
      for (let i = 0; i < 1000; i++) {
        const { rows } = await t.db.query<{ n: number }>(
          "SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM casehound.audit_events WHERE case_id = ANY($1) GROUP BY case_id) c",
          [ids],
        );
        if ((rows[0]?.n ?? 0) >= 8) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await first.stop(0);
      const { rows: afterStop } = await t.db.query<{ status: string; n: number }>(
        "SELECT status, count(*)::int AS n FROM casehound.cases WHERE case_id = ANY($1) GROUP BY status",
        [ids],
      );
      expect(afterStop.find((r) => r.status === "failed")).toBeUndefined();
      expect(afterStop.find((r) => r.status === "queued")?.n ?? 0).toBeGreaterThanOrEqual(2);
      const { rows: paused } = await t.db.query<{ run_id: string }>(
        "SELECT run_id FROM casehound.runs WHERE case_id = ANY($1) AND status = 'running' AND lease_owner IS NULL",
        [ids],
      );
      expect(paused).toHaveLength(1); // the one caught mid-run gave its lease back
      const { rows: held } = await t.db.query(
        "SELECT run_id FROM casehound.runs WHERE case_id = ANY($1) AND status = 'running' AND lease_owner IS NOT NULL",
        [ids],
      );
      expect(held).toEqual([]); // no lease left held by the stopped server

      const second = await startTestApi(t.db, {
        url: t.url,
        concurrency: 2,
        limits: OPEN_LIMITS,
        owner: "second",
      });
      try {
        let resumed = 0;
        for (const id of ids)
          expect((await waitForCase(second, second.keys.analyst, id)).status).toBe("decided");
        for (const id of ids) {
          const { rows } = await t.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM casehound.verdicts WHERE case_id = $1",
            [id],
          );
          expect(rows[0]?.n, id).toBe(1);
          const audit = AuditTrail.parse(
            (
              await call(second, "GET", `/v1/cases/${id}/audit?verify=true`, {
                key: second.keys.analyst,
              })
            ).body,
          );
          expect(audit.verification?.ok, id).toBe(true);
          resumed += audit.events.filter(
            (e) => e.kind === "run_resumed" && e.payload.released === true,
          ).length;
        }
        expect(resumed).toBe(1);
      } finally {
        await second.stop();
      }
    });

    it("frees an event stream as soon as its client leaves, while the case still runs", async () => {
      const api = await startTestApi(t.db, {
        url: t.url,
        limits: OPEN_LIMITS,
        concurrency: 1,
        warehouse: slowed(t.db, 15),
      });
      try {
        const id = labels.subjects.find((s) => s.kind === "brushing" && s.role === "primary")
          ?.subject.id as string;
        const submitted = await call(api, "POST", "/v1/cases", {
          key: api.keys.analyst,
          json: { subject: { type: "seller", id }, allegation: "stream leak" },
        });
        const caseId = (submitted.body as { id: string }).id;
        const gauge = async () =>
          Number(
            /casehound_event_streams_open (\d+)/.exec(
              (await call(api, "GET", "/metrics", { key: api.keys.analyst })).text,
            )?.[1],
          );
        for (let i = 0; i < 3; i++) {
          const leave = new AbortController();
          const res = await fetch(`${api.url}/v1/cases/${caseId}/events`, {
            headers: { authorization: `Bearer ${api.keys.analyst}` },
            signal: leave.signal,
          });
          const reader = res.body?.getReader();
          await reader?.read(); // the first events
          expect(await gauge()).toBe(1);
          leave.abort();
          let open = 1;
          for (let tries = 0; tries < 50 && open > 0; tries++) {
            await new Promise((r) => setTimeout(r, 20));
            open = await gauge();
          }
          expect(open).toBe(0);
        }
        const status = (await call(api, "GET", `/v1/cases/${caseId}`, { key: api.keys.analyst }))
          .body as { status: string };
        expect(status.status).toBe("running"); // freed by the client leaving, not by the case ending
        await waitForCase(api, api.keys.analyst, caseId);
      } finally {
        await api.stop();
      }
    });

    it("picks up a case another process stored but never ran", async () => {
      const api = await startTestApi(t.db, { url: t.url, limits: OPEN_LIMITS, sweepMs: 100 });
      try {
        const { case: stored } = await createCase(
          t.db,
          { subject: { type: "seller", id: "slr_orphan" }, allegation: "stored elsewhere" },
          { actor: "another-process" },
        );
        const done = await waitForCase(api, api.keys.analyst, stored.id, 30_000);
        expect(done.status).toBe("decided");
      } finally {
        await api.stop();
      }
    });

    it("on start, takes over runs whose process died and decides them", async () => {
      const id = labels.subjects.find((s) => s.kind === "click_farm" && s.role === "primary")
        ?.subject.id as string;
      const { case: stored } = await createCase(
        t.db,
        { subject: { type: "seller", id }, allegation: "orphaned" },
        { actor: "test" },
      );
      // A process claimed it with a short lease and died.
      await claimCase(t.db, stored.id, { owner: "dead-process", ms: 100 }, new Date());
      await new Promise((r) => setTimeout(r, 200));
      const api = await startTestApi(t.db, { url: t.url, limits: OPEN_LIMITS });
      try {
        const done = await waitForCase(api, api.keys.analyst, stored.id);
        expect(done.status).toBe("decided");
        const audit = AuditTrail.parse(
          (await call(api, "GET", `/v1/cases/${stored.id}/audit`, { key: api.keys.analyst })).body,
        );
        expect(audit.events.find((e) => e.kind === "run_resumed")?.payload).toMatchObject({
          previous_owner: "dead-process",
        });
      } finally {
        await api.stop();
      }
    });
  });
}
