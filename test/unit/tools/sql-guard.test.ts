// The SQL guard against a corpus of hostile statements (none may pass) and of
// legitimate analytic queries (none may be blocked), plus its row limits and
// column policy. No database: the guard decides from the parse tree alone.
import { describe, expect, it } from "vitest";
import { checkSql } from "../../../tools/sql/guard.js";
import { type SqlPolicy, warehousePolicy } from "../../../tools/sql/policy.js";
import { HOSTILE_BASES, hostileCorpus } from "../../fixtures/sql-guard/hostile.js";
import { LEGIT } from "../../fixtures/sql-guard/legit.js";

const policy = warehousePolicy(500);

describe("the SQL guard", () => {
  it(`refuses every one of the hostile statements (${hostileCorpus().length}), each with a reason`, async () => {
    const corpus = hostileCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const categories = new Set(corpus.map((c) => c.category));
    for (const category of [
      "stacked",
      "ddl",
      "dml",
      "copy",
      "transaction_control",
      "settings_and_roles",
      "sleep_and_exhaustion",
      "dblink",
      "files_and_large_objects",
      "data_modifying_ctes",
      "locking",
      "system_catalogs",
      "cte_out_of_scope",
      "star_and_aliases",
      "system_columns",
      "rows_out_of_nothing",
      "huge_values",
    ])
      expect(categories.has(category), category).toBe(true);
    for (const { category, disguise, sql } of corpus) {
      const result = await checkSql(sql, policy);
      expect(result.allowed, `${category} (${disguise}): ${sql}`).toBe(false);
      expect(result.reason.length).toBeGreaterThan(5);
    }
  });

  it(`allows every one of the legitimate analytic queries (${LEGIT.length}) and prints SQL that checks the same again`, async () => {
    expect(LEGIT.length).toBeGreaterThanOrEqual(50);
    for (const sql of LEGIT) {
      const result = await checkSql(sql.replaceAll(":seller", "slr_x"), policy);
      expect(result, sql).toMatchObject({ allowed: true });
      if (!result.allowed) continue;
      expect(result.sql).toMatch(/LIMIT \d+\s*$/);
      const again = await checkSql(result.sql, policy);
      expect(again, result.sql).toMatchObject({ allowed: true, sql: result.sql });
    }
  });

  it("adds a row limit, lowers a larger one, keeps a smaller one, and refuses limits it cannot bound", async () => {
    const limitOf = async (sql: string) => {
      const result = await checkSql(sql, policy);
      return result.allowed ? result.limit : result.reason;
    };
    expect(await limitOf("SELECT s.seller_id FROM risk.sellers s")).toBe(500);
    expect(await limitOf("SELECT s.seller_id FROM risk.sellers s LIMIT 100000")).toBe(500);
    expect(await limitOf("SELECT s.seller_id FROM risk.sellers s LIMIT 7")).toBe(7);
    expect(await limitOf("SELECT s.seller_id FROM risk.sellers s LIMIT ALL")).toBe(500);
    expect(await limitOf("SELECT s.seller_id FROM risk.sellers s FETCH FIRST 3 ROWS ONLY")).toBe(3);
    expect(
      await limitOf(
        "SELECT s.seller_id FROM risk.sellers s UNION ALL SELECT b.buyer_id FROM risk.buyers b",
      ),
    ).toBe(500);
    expect(await limitOf("SELECT s.seller_id FROM risk.sellers s LIMIT 1 + 1")).toMatch(
      /plain number/,
    );
    expect(
      await limitOf("SELECT s.seller_id FROM risk.sellers s FETCH FIRST 3 ROWS WITH TIES"),
    ).toMatch(/WITH TIES/);
  });

  it("keeps hidden columns hidden: named, qualified, or behind *", async () => {
    const restricted: SqlPolicy = {
      ...policy,
      tables: new Map(policy.tables).set("buyers", new Set(["buyer_id", "country"])),
      hidden: new Map([["buyers", new Set(["email_domain"])]]),
    };
    expect(
      (await checkSql("SELECT b.buyer_id, b.country FROM risk.buyers b", restricted)).allowed,
    ).toBe(true);
    for (const sql of [
      "SELECT b.email_domain FROM risk.buyers b",
      "SELECT email_domain FROM risk.buyers",
      "SELECT * FROM risk.buyers",
      "SELECT b.* FROM risk.buyers b",
      "SELECT x.email_domain FROM (SELECT b.buyer_id AS email_domain FROM risk.buyers b) x JOIN risk.buyers b2 ON true",
    ])
      expect((await checkSql(sql, restricted)).allowed, sql).toBe(false);
  });

  it("resolves each name where PostgreSQL does: WITH names in their scope, outer columns qualified, output names in ORDER BY and GROUP BY only", async () => {
    const allowed = async (sql: string) => (await checkSql(sql, policy)).allowed;
    expect(
      await allowed(
        "WITH a AS (SELECT o.buyer_id FROM risk.orders o) SELECT s.seller_id, (SELECT count(*) FROM a) AS n FROM risk.sellers s",
      ),
    ).toBe(true);
    expect(
      await allowed(
        "SELECT o.total_cents AS cents FROM risk.orders o GROUP BY cents ORDER BY cents",
      ),
    ).toBe(true);
    // an output name is not an input: WHERE cannot see it
    expect(await allowed("SELECT o.total_cents AS cents FROM risk.orders o WHERE cents > 5")).toBe(
      false,
    );
    // a WITH name is visible in its statement only, not beside it
    expect(await allowed("SELECT x.a FROM (WITH t AS (SELECT 1 AS a) SELECT a FROM t) x, t")).toBe(
      false,
    );
    // an unqualified name never passes a level that reads a table: that table may hold
    // a column of the same name that the policy does not list
    const outer = await checkSql(
      "SELECT (SELECT ssn FROM risk.sellers s LIMIT 1) AS v FROM (SELECT 1 AS ssn) d",
      policy,
    );
    expect(outer).toMatchObject({ allowed: false, reason: expect.stringMatching(/outer query/) });
    expect(
      await allowed(
        "SELECT d.ssn, (SELECT count(*) FROM risk.sellers s WHERE s.country = d.c) AS v FROM (SELECT 1 AS ssn, 'DE' AS c) d",
      ),
    ).toBe(true);
    const restricted: SqlPolicy = {
      ...policy,
      tables: new Map(policy.tables).set("buyers", new Set(["buyer_id", "country"])),
      hidden: new Map([["buyers", new Set(["email_domain"])]]),
    };
    const hidden = await checkSql(
      "SELECT (SELECT email_domain FROM risk.buyers b LIMIT 1) AS v FROM (SELECT 'x' AS email_domain) d",
      restricted,
    );
    expect(hidden).toMatchObject({ allowed: false, reason: expect.stringMatching(/hidden/) });
    // a JOIN's alias, USING and NATURAL keep a hidden column hidden; a plain subquery in
    // FROM sees no sibling, so a name there resolves where PostgreSQL resolves it
    for (const sql of [
      "SELECT j.* FROM (risk.buyers b JOIN risk.orders o USING (buyer_id)) AS j",
      "SELECT j FROM (risk.buyers b JOIN risk.orders o USING (buyer_id)) AS j",
      "SELECT (j).email_domain FROM (risk.buyers b JOIN risk.orders o USING (buyer_id)) AS j",
      "SELECT b.buyer_id FROM risk.buyers b JOIN risk.buyers b2 USING (email_domain)",
      "SELECT b.buyer_id FROM risk.buyers b NATURAL JOIN (SELECT 'x' AS email_domain) x",
      "WITH c AS (SELECT 'x' AS email_domain, 1 AS k) SELECT (SELECT sub.p FROM c JOIN (SELECT email_domain AS p, 1 AS k) sub ON c.k = sub.k) AS v FROM risk.buyers t",
    ])
      expect((await checkSql(sql, restricted)).allowed, sql).toBe(false);
  });

  it("refuses what is not a SQL string, and oversized text, without throwing", async () => {
    for (const input of [
      null,
      42,
      { sql: "SELECT 1" },
      ["SELECT 1"],
      "x".repeat(20_001),
      "SELECT 1\u0000",
    ])
      expect((await checkSql(input, policy)).allowed).toBe(false);
    expect(Object.keys(HOSTILE_BASES).length).toBeGreaterThanOrEqual(12);
  });
});
