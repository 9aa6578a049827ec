// The link-analysis agent's pure pieces and its model-directed depth: the hops a
// budget pays for, the readings and evidence a neighbourhood becomes, and the
// choose_hops call (a scripted fakeModel) with its one repair turn.
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { describe, expect, it } from "vitest";
import { linkEvidence, MAX_EVIDENCE_EDGES } from "../../../agents/link-analysis/evidence.js";
import { chooseHops, describeDirectLinks } from "../../../agents/link-analysis/llm.js";
import { affordableHops, queriesFor } from "../../../agents/link-analysis/offline.js";
import { linkReadings, linkValues } from "../../../agents/link-analysis/readings.js";
import { createRecorder } from "../../../controller/recorder.js";
import type { Neighbourhood, NeighbourhoodEdge } from "../../../tools/links/index.js";
import { createModelGateway } from "../../../tools/model/gateway.js";

const AT = "2026-06-01T00:00:00.000Z";

function edge(a: string, b: string, weight = 0.5): NeighbourhoodEdge {
  return {
    a,
    b,
    weight,
    via: [
      {
        kind: "device",
        value: "dev_1",
        degree: 3,
        weight,
        holdings: [
          { sellerId: a, roles: ["login"], buyers: 0, rows: [{ table: "logins", id: "lgn_1" }] },
          { sellerId: b, roles: ["order"], buyers: 2, rows: [{ table: "orders", id: "ord_1" }] },
        ],
      },
    ],
  };
}

function neighbourhood(overrides: Partial<Neighbourhood> = {}): Neighbourhood {
  return {
    subject: "slr_a",
    asOf: AT,
    hops: 2,
    nodes: [
      { sellerId: "slr_a", hop: 0 },
      { sellerId: "slr_b", hop: 1 },
      { sellerId: "slr_c", hop: 2 },
    ],
    edges: [edge("slr_a", "slr_b"), edge("slr_b", "slr_c")],
    hubs: [],
    block: {
      since: "2025-12-03T00:00:00.000Z",
      sellers: ["slr_a", "slr_b"],
      buyers: 3,
      pairs: 6,
      density: 1,
      subjectBuyers: 10,
      subjectShare: 0.3,
      subjectOrders: 4,
      subjectUndone: 2,
      subjectUndoRate: 0.5,
      orders: 10,
      undone: 4,
      undoRate: 0.4,
      rows: [],
    },
    density: {
      category: "toys",
      score: 4.2,
      other: "slr_b",
      buyers: 3,
      weighted: 3,
      expected: 0.05,
      rows: [{ table: "orders", id: "ord_1" }],
      percentile: 98,
      peers: 40,
      p50: 0,
      p90: 1.1,
      p99: 2,
    },
    history: [
      {
        source: "enforcement",
        id: "act_1",
        sellerId: "slr_c",
        what: "ban",
        reason: "collusion",
        at: AT,
      },
      {
        source: "flag",
        id: "flg_1",
        sellerId: "slr_c",
        what: "risk_model:network",
        reason: "overlap",
        at: AT,
      },
    ],
    truncated: { nodes: false, edges: false },
    queries: [
      { purpose: "hop 1: holders", sql: "SELECT 1", params: [["dev_1"]], rows: 2 },
      { purpose: "the seller–buyer block", sql: "SELECT 2", params: [], rows: 6 },
      {
        purpose: "the neighbourhood's enforcement and flags",
        sql: "SELECT 3",
        params: [],
        rows: 2,
      },
    ],
    ...overrides,
  };
}

describe("link analysis, pure pieces", () => {
  it("reads as deep as the query budget pays for", () => {
    expect(queriesFor(2)).toBe(10);
    expect(affordableHops(2, 10)).toBe(2);
    expect(affordableHops(3, 12)).toBe(2);
    expect(affordableHops(2, 6)).toBe(0);
  });

  it("turns a neighbourhood into readings that cite the evidence behind each value", () => {
    const values = linkValues(neighbourhood());
    expect(values).toEqual({
      linkedSellers: 1,
      blockShare: 0.3,
      sanctionedNeighbours: 1,
      blockUndoRate: 0.4,
    });
    // A volume alert on a linked seller says nothing about collusion.
    const alerted = linkValues(
      neighbourhood({
        history: [
          {
            source: "flag",
            id: "f",
            sellerId: "slr_b",
            what: "risk_model:velocity",
            reason: "volume",
            at: AT,
          },
        ],
      }),
    );
    expect(alerted.sanctionedNeighbours).toBe(0);
    const readings = linkReadings(values, { connections: "ev_a", block: "ev_b", history: "ev_c" });
    expect(readings.map((r) => [r.indicator, r.value, r.evidence_id])).toEqual([
      ["link.linked_sellers", 1, "ev_a"],
      ["link.block_share", 0.3, "ev_b"],
      ["link.sanctioned_neighbours", 1, "ev_c"],
      ["link.block_undo_rate", 0.4, "ev_b"],
    ]);
  });

  it("makes three link evidence items, each with its own statements, the edges bounded", () => {
    const many = Array.from({ length: MAX_EVIDENCE_EDGES + 5 }, (_, i) =>
      edge("slr_a", `slr_${i}`),
    );
    const ev = linkEvidence(neighbourhood({ edges: many }), AT);
    expect([ev.connections.kind, ev.block.kind, ev.history.kind]).toEqual(["link", "link", "link"]);
    expect(ev.connections.source.locator).toContain("SELECT 1");
    expect(ev.block.source.locator).toContain("SELECT 2");
    expect(ev.history.source.locator).toContain("SELECT 3");
    const data = ev.connections.data as {
      edges: unknown[];
      truncated: { evidence_edges: boolean };
    };
    expect(data.edges).toHaveLength(MAX_EVIDENCE_EDGES);
    expect(data.truncated.evidence_edges).toBe(true);
    expect(ev.history.summary).toContain("slr_c ban (collusion)");
    expect(ev.block.summary).toContain("30% of slr_a's 10 buyers");
    // Each carries the value its reading states, for the reflection's check.
    expect(
      [ev.connections, ev.block, ev.history].map((e) => (e.data as { value: number }).value),
    ).toEqual([1, 0.3, 1]);
  });

  it("shows the model identifiers and counts only", () => {
    const text = describeDirectLinks(neighbourhood());
    expect(text).toContain("- slr_b: weight 0.50 (device shared by 3 accounts)");
    expect(text).not.toContain("slr_c:");
  });
});

function gatewayWith(model: ReturnType<typeof fakeModel>) {
  return createModelGateway({
    models: { sql: model },
    labels: { sql: "openai:test-model" },
    redact: <T>(value: T) => value,
    observe: createRecorder().observe,
    prices: { "test-model": { input: 1, output: 2 } },
    timeoutMs: 1_000,
    retries: 0,
    deadline: Date.now() + 60_000,
  });
}

const choose = (args: Record<string, unknown>, id = "call_1") =>
  new AIMessage({
    content: "",
    tool_calls: [{ name: "choose_hops", args, id, type: "tool_call" }],
  });

describe("link analysis, the model's choice of depth", () => {
  const subject = { sellerId: "slr_a", allegation: "a ring" };

  it("takes the hops the model chooses, with its reason", async () => {
    const model = fakeModel().respond(choose({ hops: 3, reason: "strong links" }));
    const choice = await chooseHops(gatewayWith(model), subject, neighbourhood());
    expect(choice).toMatchObject({ hops: 3, reason: "strong links", failure: null });
    expect(choice.calls).toHaveLength(1);
    const sent = JSON.stringify(model.calls[0]);
    expect(sent).toContain("slr_b: weight 0.50");
  });

  it("gives an invalid answer one repair turn", async () => {
    const model = fakeModel()
      .respond(choose({ hops: 7, reason: "all of it" }))
      .respond(choose({ hops: 2, reason: "two will do" }, "call_2"));
    const choice = await chooseHops(gatewayWith(model), subject, neighbourhood());
    expect(choice.hops).toBe(2);
    expect(choice.calls).toHaveLength(2);
    expect(JSON.stringify(model.calls[1])).toContain("refused: invalid choose_hops");
  });

  it("gives up after the repair, so the caller falls back to the plan's hops", async () => {
    const model = fakeModel()
      .respond(choose({ hops: 0, reason: "none" }))
      .respond(choose({ hops: "two", reason: "none" }, "call_2"));
    const choice = await chooseHops(gatewayWith(model), subject, neighbourhood());
    expect(choice.hops).toBeNull();
    expect(choice.failure).toContain("invalid choose_hops");
  });
});
