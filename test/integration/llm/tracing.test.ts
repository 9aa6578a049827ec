// LangSmith tracing through its standard variables, against a local stand-in for the
// LangSmith ingest API: runs are traced (graph nodes and model calls), and no personal
// data from the warehouse reaches the trace host, in LLM mode or offline.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvestigator } from "../../../controller/investigate.js";
import { flushTraces } from "../../../controller/tracing.js";
import { migrate } from "../../../db/migrate.js";
import { seedWorld } from "../../../world/generate.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";
import { scriptedModel } from "../../support/fake-models.js";

const EMAIL = "owner.anna@example.com";
const PHONE = "+44 20 7946 0958";

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
}

describe("LangSmith tracing", () => {
  let t: TestDatabase;
  let server: Server;
  const received: { path: string; body: string }[] = [];
  const saved: Record<string, string | undefined> = {};
  let subject: { type: "seller"; id: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      void bodyOf(req).then((body) => {
        received.push({ path: req.url ?? "", body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(req.url?.startsWith("/info") ? JSON.stringify({ version: "test" }) : "{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const env = {
      LANGSMITH_TRACING: "true",
      LANGSMITH_ENDPOINT: `http://127.0.0.1:${port}`,
      LANGSMITH_API_KEY: "lsv2_test_key",
      LANGSMITH_PROJECT: "casehound-tests",
    };
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    t = await pgliteInMemory();
    await migrate(t.db);
    const { labels } = await seedWorld(t.db, { size: "small", seed: 42 });
    const planted = labels.subjects.find((s) => s.kind === "brushing" && s.role === "primary");
    subject = planted!.subject;
    await t.db.query("UPDATE risk.sellers SET description = $1 WHERE seller_id = $2", [
      `Handmade soaps. Contact ${EMAIL} or ${PHONE}.`,
      subject.id,
    ]);
  }, 120_000);
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    await t?.dispose();
    await new Promise((resolve) => server?.close(resolve));
  });

  const traced = () =>
    received
      .filter((r) => r.path.startsWith("/runs"))
      .map((r) => r.body)
      .join("\n");

  it("sends the runs of an LLM-mode case with the personal data replaced by placeholders", async () => {
    received.length = 0;
    const model = scriptedModel();
    const result = await createInvestigator({
      warehouse: t.db,
      models: { planner: model, sql: model, reasoning: model, reflection: model },
      modelSettings: { retries: 1 },
    })({ subject, allegation: "Flagged for review: buyers look fake" });
    await flushTraces();
    expect(result.verdict.mode).toBe("llm");
    const body = traced();
    // The graph's nodes and the model calls are traced...
    expect(body).toContain("sqlRetrieval");
    expect(body).toContain("FakeBuiltModel");
    expect(body).toMatch(/<EMAIL_[0-9a-f]{8}>/);
    // ...and the description's email and phone never left.
    expect(body).not.toContain(EMAIL);
    expect(body).not.toContain("7946 0958");
    expect(body).not.toContain("79460958");
  });

  it("redacts offline runs too: the case state is traced, the personal data is not", async () => {
    received.length = 0;
    const result = await createInvestigator({ warehouse: t.db })({
      subject,
      allegation: "Flagged for review: buyers look fake",
    });
    await flushTraces();
    expect(result.verdict.mode).toBe("offline");
    const body = traced();
    expect(body).toContain("intake");
    expect(body).toMatch(/<EMAIL_[0-9a-f]{8}>/);
    expect(body).not.toContain(EMAIL);
    expect(body).not.toContain("7946 0958");
  });
});
