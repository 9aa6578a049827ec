// The red-team statements against a running server in LLM mode: a scripted SQL
// model writes them one after another inside real cases. The guard refuses what it
// must, the statements it lets through are bounded where they run (the planner's
// cost, the byte cap), each case still ends with a verdict, and the server answers
// afterwards as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorldLabels } from "../../../world/labels.js";
import { RED_TEAM } from "../../fixtures/sql-guard/red-team.js";
import { call, prepareWorld, startTestApi, type TestApi, waitForCase } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";
import { scriptedModel } from "../../support/fake-models.js";
import { plantedSubject } from "../../support/planted.js";

/** Allowed by the guard, bounded where they run. */
export const BOUNDED_AT_RUN = {
  cost: "SELECT count(*) AS n FROM risk.orders a JOIN risk.orders b ON a.seller_id = b.seller_id",
  bytes: "SELECT lpad(r.body, 1000, '.') AS padded FROM risk.reviews r",
};

/** The first statement of each red-team category: what the guard must refuse. */
const REFUSED = Object.values(RED_TEAM).map((list) => list[0] as string);

/** The SQL role's script: the bounded statements, then the refused ones, then a summary. */
function redTeamSqlModel() {
  const script = [BOUNDED_AT_RUN.cost, BOUNDED_AT_RUN.bytes, ...REFUSED];
  return scriptedModel(400, (turns) => {
    const system = turns[0]?.content ?? "";
    if (!system.includes("run_sql")) return undefined;
    const sql = script[turns.filter((t) => t.role === "tool").length];
    return sql
      ? { toolCall: { name: "run_sql", args: { sql, purpose: "red-team probe" } } }
      : { text: "Done probing." };
  });
}

export function redTeamSqlSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`a server in LLM mode under red-team SQL on ${engine}`, () => {
    let t: TestDatabase;
    let labels: WorldLabels;
    let api: TestApi;
    beforeAll(async () => {
      t = await open();
      labels = await prepareWorld(t.db);
      api = await startTestApi(t.db, { url: t.url, models: { sql: redTeamSqlModel() } });
    });
    afterAll(async () => {
      await api?.stop();
      await t?.dispose();
    });

    it("decides every case, bounds or refuses every statement, and keeps serving", async () => {
      const subjects = [
        plantedSubject(labels, "brushing", "blatant"),
        plantedSubject(labels, "viral_seller", null),
      ];
      for (const [i, subject] of subjects.entries()) {
        const created = await call(api, "POST", "/v1/cases", {
          key: api.keys.analyst,
          json: { subject, allegation: "red-team probe" },
          headers: { "idempotency-key": `red-team-${i}` },
        });
        expect(created.status, created.text).toBeLessThan(300);
        const caseId = (created.body as { id: string }).id;
        const done = await waitForCase(api, api.keys.analyst, caseId, 180_000);
        expect(done.status).toBe("decided");

        const { rows } = await t.db.query<{ payload: Record<string, unknown> }>(
          "SELECT payload FROM casehound.audit_events WHERE case_id = $1 AND kind = 'sql_executed' ORDER BY seq",
          [caseId],
        );
        const probes = rows.map((r) => r.payload).filter((p) => p.written_by !== undefined);
        const costly = probes.find((p) => String(p.query).includes("a.seller_id = b.seller_id"));
        expect(costly).toMatchObject({ allowed: true, rows: 0 });
        expect(String(costly?.error)).toMatch(/refused before running/);
        const wide = probes.find((p) => String(p.query).includes("lpad"));
        expect(wide).toMatchObject({ allowed: true, error: null });
        expect(Number(wide?.rows)).toBeGreaterThan(0);
        expect(Number(wide?.rows)).toBeLessThan(1_000);
        const refused = probes.filter((p) => p.allowed === false);
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.every((p) => REFUSED.includes(String(p.query)))).toBe(true);
      }
      const health = await call(api, "GET", "/readyz");
      expect(health.status).toBe(200);
      const alive = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM risk.orders");
      expect(alive.rows[0]?.n).toBeGreaterThan(0);
    });
  });
}
