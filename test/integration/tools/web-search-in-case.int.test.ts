// The web-search agent inside whole investigations on the small demo world, with a
// local Tavily-shaped peer as an outside provider and a scripted web model: pages
// about look-alike shops never reach the model or the evidence, a provider that fails
// does not stop the case, and a stored case with provider answers replays exactly.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditSink } from "../../../controller/audit-sink.js";
import { createInvestigator } from "../../../controller/investigate.js";
import { replayCase } from "../../../controller/replay.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import type { AuditEvent } from "../../../domain/audit.js";
import { submitAndDrive } from "../../../server/intake.js";
import { createTavilyProvider } from "../../../tools/search/providers/tavily.js";
import { extractUntrustedBlocks } from "../../../tools/untrusted/quote.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";
import { scriptedModel, turnsOf } from "../../support/fake-models.js";
import { INVENTED_QUOTE } from "../../support/scripted-roles.js";

describe("web search in an investigation", () => {
  let t: TestDatabase;
  let labels: WorldLabels;
  let server: Server;
  let base = "";
  let failing = false;
  let shop = "";
  let lookAlike = "";
  let subject = { type: "seller" as const, id: "" };

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    labels = (await seedWorld(t.db, { size: "small", seed: 42 })).labels;
    // A seller the web reports on and a look-alike of whom a decoy page exists.
    const decoy = labels.corpus.find((c) => c.relation === "decoy");
    if (!decoy?.lookAlikeOf || !decoy.lookAlike) throw new Error("the demo corpus has no decoy");
    shop = decoy.lookAlikeOf;
    lookAlike = decoy.lookAlike;
    const { rows } = await t.db.query<{ seller_id: string }>(
      "SELECT seller_id FROM risk.sellers WHERE shop_name = $1",
      [shop],
    );
    subject = { type: "seller", id: rows[0]!.seller_id };
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (failing) {
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ detail: { error: "upstream down" } }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            query: "q",
            response_time: 0.1,
            results: [
              {
                title: `${shop} review`,
                url: "https://news.example/real",
                content: `Customers of ${shop} say parcels never came.`,
                score: 0.9,
              },
              {
                title: `${lookAlike} scam`,
                url: "https://news.example/decoy",
                content: `${lookAlike} took the money and vanished.`,
                score: 0.8,
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
    await new Promise((resolve) => server?.close(resolve));
  });

  const tavily = () =>
    createTavilyProvider({ apiKey: "tvly-test", baseUrl: base, timeoutMs: 2_000, retries: 1 });

  it("keeps the provider's page about the seller, drops the look-alike's, and never shows it to the model", async () => {
    failing = false;
    const model = scriptedModel();
    const sinks: { events: AuditEvent[] }[] = [];
    const result = await createInvestigator({
      warehouse: t.db,
      models: { web: model },
      modelSettings: { retries: 0 },
      searchProviders: [tavily()],
      audit: (caseId) => {
        const sink = createMemoryAuditSink(caseId);
        sinks.push(sink);
        return sink;
      },
    })({ subject, allegation: "Flagged for review: buyers complain" });
    const web = result.evidence.filter((e) => e.kind === "web");
    const urls = web.map((e) => (e.data as { url: string }).url);
    expect(urls).toContain("https://news.example/real");
    expect(urls).not.toContain("https://news.example/decoy");
    expect(web.some((e) => e.source.via === "tavily" && e.untrusted)).toBe(true);
    for (const e of web) expect(JSON.stringify(e.data)).not.toContain(lookAlike);
    const sent = model.calls.map((c) =>
      turnsOf(c.messages)
        .map((m) => m.content)
        .join("\n"),
    );
    expect(sent.join("\n")).not.toContain(lookAlike);
    // Results reach the model inside blocks only, and the invented quote was discarded.
    expect(sent.some((s) => extractUntrustedBlocks(s).some((b) => b.includes(shop)))).toBe(true);
    const claims = web.flatMap((e) => (e.data as { claims?: { quote: string }[] }).claims ?? []);
    expect(claims.every((c) => !c.quote.includes(INVENTED_QUOTE))).toBe(true);
    const events = sinks.at(-1)?.events ?? [];
    expect(events.some((e) => e.kind === "claims_rejected")).toBe(true);
    expect(
      events.filter((e) => e.kind === "search_executed").map((e) => e.payload.provider),
    ).toEqual(expect.arrayContaining(["local_corpus", "tavily"]));
  });

  it("goes on without a provider that fails, saying so in the audit trail", async () => {
    failing = true;
    const sinks: { events: AuditEvent[] }[] = [];
    const result = await createInvestigator({
      warehouse: t.db,
      searchProviders: [tavily()],
      audit: (caseId) => {
        const sink = createMemoryAuditSink(caseId);
        sinks.push(sink);
        return sink;
      },
    })({ subject, allegation: "Flagged for review" });
    expect(result.verdict.decision).toBeDefined();
    const failed = (sinks.at(-1)?.events ?? []).filter(
      (e) => e.kind === "search_executed" && e.payload.provider === "tavily",
    );
    // Both of the planner's queries (name and id) still ran: a call of the budget is a
    // query, whatever the number of sources asked.
    expect(new Set(failed.map((e) => e.payload.query)).size).toBe(2);
    expect(failed.every((e) => String(e.payload.error).includes("tavily"))).toBe(true);
    expect(result.evidence.some((e) => e.kind === "web" && e.source.via === "local_corpus")).toBe(
      true,
    );
  });

  it("falls back to the planner's queries when the web model runs no search", async () => {
    failing = false;
    const idle = scriptedModel(20, () => ({ text: "Nothing to search." }));
    const result = await createInvestigator({
      warehouse: t.db,
      models: { web: idle },
      modelSettings: { retries: 0 },
    })({ subject, allegation: "Flagged for review" });
    expect(result.verdict.degradations.map((d) => d.role)).toContain("web");
    expect(result.evidence.some((e) => e.kind === "web" && e.source.via === "local_corpus")).toBe(
      true,
    );
  });

  it("replays a stored case from its recorded provider answers, with the provider gone", async () => {
    failing = false;
    const runner = createCaseRunner(t.db, { warehouse: t.db, searchProviders: [tavily()] });
    const outcome = await submitAndDrive(
      runner,
      t.db,
      { subject, allegation: "Flagged for review" },
      { actor: "cli" },
    );
    expect(outcome.evidence.some((e) => e.source.via === "tavily")).toBe(true);
    failing = true; // a live call now would fail and change the evidence
    const report = await replayCase(t.db, outcome.case.id);
    expect(report.differences).toEqual([]);
    expect(report.identical).toBe(true);
  });
});
