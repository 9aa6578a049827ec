import { describe, expect, it } from "vitest";
import { parseCommand, questionCandidates } from "../../../server/slack/command.js";

describe("parsing /casehound", () => {
  it("reads an investigation of a seller or an order with its allegation", () => {
    expect(parseCommand("investigate seller:slr_123 many new buyers, five-star reviews")).toEqual({
      kind: "investigate",
      subject: { type: "seller", id: "slr_123" },
      allegation: "many new buyers, five-star reviews",
    });
    expect(parseCommand("  INVESTIGATE order:o-9  refund\nafter promo ")).toMatchObject({
      kind: "investigate",
      subject: { type: "order", id: "o-9" },
      allegation: "refund\nafter promo",
    });
  });

  it("explains what is missing instead of guessing", () => {
    expect(parseCommand("investigate seller:slr_1")).toMatchObject({
      kind: "invalid",
      problem: expect.stringMatching(/say what is alleged/),
    });
    expect(parseCommand("investigate shop:x alleged")).toMatchObject({ kind: "invalid" });
    expect(parseCommand("investigate seller:<@U1> x")).toMatchObject({ kind: "invalid" });
    expect(parseCommand("status")).toMatchObject({ kind: "invalid" });
    expect(parseCommand("frobnicate")).toMatchObject({
      kind: "invalid",
      problem: expect.stringMatching(/unknown command "frobnicate"/),
    });
  });

  it("reads help, queue, status and seller", () => {
    expect(parseCommand("")).toEqual({ kind: "help" });
    expect(parseCommand("help")).toEqual({ kind: "help" });
    expect(parseCommand("queue")).toEqual({ kind: "queue" });
    expect(parseCommand("status 0b7d6c1e-1111-4222-8333-944445555666")).toEqual({
      kind: "status",
      caseId: "0b7d6c1e-1111-4222-8333-944445555666",
    });
    expect(parseCommand("seller seller:S123")).toEqual({ kind: "seller", sellerId: "S123" });
    expect(parseCommand("seller a b")).toMatchObject({ kind: "invalid" });
  });
});

describe("what a question is about", () => {
  it("finds case ids and seller ids, ignoring the bot's mention and plain words", () => {
    expect(
      questionCandidates(
        "<@U0BOT> why was S123 flagged? see 0B7D6C1E-1111-4222-8333-944445555666.",
      ),
    ).toEqual({ caseIds: ["0b7d6c1e-1111-4222-8333-944445555666"], sellerIds: ["S123"] });
    expect(questionCandidates("<@U0BOT> what about seller:abc?")).toEqual({
      caseIds: [],
      sellerIds: ["abc"],
    });
    expect(questionCandidates("<@U0BOT> why was it flagged")).toEqual({
      caseIds: [],
      sellerIds: [],
    });
  });
});
