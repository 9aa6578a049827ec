import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRecorder } from "../../../controller/recorder.js";
import { classifyFailure, retryAfterMs } from "../../../tools/model/failure.js";
import { createModelGateway, type GatewayOptions } from "../../../tools/model/gateway.js";
import { type RetryPolicy, withRetries } from "../../../tools/model/retry.js";
import { structuredCall } from "../../../tools/model/structured.js";
import { turnsOf } from "../../support/fake-models.js";

const prompt = { id: "test", version: "1", hash: "h".repeat(64) };

function policy(overrides: Partial<RetryPolicy> = {}) {
  const waits: number[] = [];
  let clock = 0;
  const p: RetryPolicy = {
    retries: 3,
    baseMs: 500,
    capMs: 8_000,
    deadline: Number.POSITIVE_INFINITY,
    now: () => clock,
    random: () => 1,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    ...overrides,
  };
  return { policy: p, waits };
}

const httpError = (status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${status} failed`), { status, ...extra });

describe("classifying model failures", () => {
  it("tells rate limits, server errors, timeouts and client errors apart", () => {
    expect(classifyFailure(httpError(429)).kind).toBe("rate_limited");
    expect(classifyFailure(httpError(429, { retryAfterMs: 1000 })).retryAfterMs).toBe(1000);
    expect(classifyFailure(httpError(503)).kind).toBe("server");
    expect(classifyFailure(httpError(400)).kind).toBe("client");
    expect(
      classifyFailure(Object.assign(new Error("Request timed out."), { name: "TimeoutError" }))
        .kind,
    ).toBe("timeout");
    expect(classifyFailure(new SyntaxError("Unexpected token")).kind).toBe("server");
    expect(
      classifyFailure(Object.assign(new Error("Request was aborted."), { name: "AbortError" }))
        .kind,
    ).toBe("aborted");
    expect(classifyFailure(new Error("aborted"), true).kind).toBe("timeout");
  });

  it("reads Retry-After as seconds, as a date, and retry-after-ms", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs({ "retry-after-ms": "150" })).toBe(150);
    expect(retryAfterMs({ "retry-after": new Date(10_000).toUTCString() }, 4_000)).toBe(6_000);
    expect(retryAfterMs({})).toBeNull();
  });
});

describe("retrying model requests", () => {
  it("retries a 429 without Retry-After, with growing jittered waits, at most `retries` times", async () => {
    const { policy: p, waits } = policy();
    let attempts = 0;
    const outcome = await withRetries(async () => {
      attempts++;
      throw httpError(429);
    }, p);
    expect(outcome.ok).toBe(false);
    expect(attempts).toBe(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it("waits at least what Retry-After asks", async () => {
    const { policy: p, waits } = policy({ random: () => 0 });
    let attempts = 0;
    const outcome = await withRetries(async () => {
      if (attempts++ === 0) throw httpError(429, { retryAfterMs: 3_000 });
      return "ok";
    }, p);
    expect(outcome).toMatchObject({ ok: true, value: "ok", attempts: 2 });
    expect(waits[0]).toBeGreaterThanOrEqual(3_000);
  });

  it("does not retry a 400, and stops when the next wait would pass the deadline", async () => {
    const { policy: p } = policy();
    let attempts = 0;
    await withRetries(async () => {
      attempts++;
      throw httpError(400);
    }, p);
    expect(attempts).toBe(1);
    const late = policy({ deadline: 1_200 });
    attempts = 0;
    const outcome = await withRetries(async () => {
      attempts++;
      throw httpError(500);
    }, late.policy);
    expect(outcome.ok).toBe(false);
    expect(attempts).toBe(2);
  });

  it("full jitter keeps every wait between 0 and the cap", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const { policy: p, waits } = policy({ retries: 10, random });
    await withRetries(async () => {
      throw httpError(502);
    }, p);
    expect(waits).toHaveLength(10);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(8_000);
    }
  });
});

function gatewayWith(model: ReturnType<typeof fakeModel>, overrides: Partial<GatewayOptions> = {}) {
  const recorder = createRecorder();
  return createModelGateway({
    models: { reasoning: model },
    labels: { reasoning: "openai:test-model" },
    redact: <T>(value: T) =>
      JSON.parse(JSON.stringify(value).replaceAll("anna@example.com", "<EMAIL_1>")) as T,
    observe: recorder.observe.bind(recorder),
    prices: { "test-model": { input: 1, output: 2 } },
    timeoutMs: 1_000,
    retries: 0,
    deadline: Date.now() + 60_000,
    ...overrides,
  });
}

const Answer = z.object({ decision: z.enum(["fraud", "not_fraud"]) });
const tool = { name: "submit", description: "the answer", schema: Answer };

describe("the model gateway", () => {
  it("redacts before the model sees a message, and prices the tokens", async () => {
    const model = fakeModel().respond((msgs) => {
      expect(
        turnsOf(msgs)
          .map((m) => m.content)
          .join(),
      ).not.toContain("anna@example.com");
      return new AIMessage("fine");
    });
    const gateway = gatewayWith(model);
    const call = await gateway.chat("reasoning", {
      prompt,
      messages: [{ role: "user", content: "mail anna@example.com" }],
      tools: [],
    });
    expect(call.messages[0]?.content).toBe("mail <EMAIL_1>");
    expect(call.reply?.text).toBe("fine");
    expect(call.reply?.usage.estimated).toBe(true);
    expect(call.costUsd).toBeCloseTo(
      ((call.reply?.usage.input ?? 0) * 1 + (call.reply?.usage.output ?? 0) * 2) / 1e6,
    );
  });

  it("asks the model once per distinct request in a run: a repeat is answered from the recording", async () => {
    const model = fakeModel().respondWithTools([{ name: "submit", args: { decision: "fraud" } }]);
    const gateway = gatewayWith(model);
    const request = { prompt, messages: [{ role: "user" as const, content: "q" }], tools: [tool] };
    const a = await gateway.chat("reasoning", request);
    const b = await gateway.chat("reasoning", request);
    expect(model.calls).toHaveLength(1);
    expect(b.reply).toEqual(a.reply);
  });

  it("a failed call is an answer (recorded), not an exception", async () => {
    const model = fakeModel().alwaysThrow(httpError(500));
    const call = await gatewayWith(model).chat("reasoning", {
      prompt,
      messages: [{ role: "user", content: "q" }],
      tools: [],
    });
    expect(call.reply).toBeNull();
    expect(call.error).toMatch(/^server 500/);
  });
});

describe("a client that cannot take the tools", () => {
  it("is a failed call with the reason, not a crashed run", async () => {
    const model = fakeModel();
    model.bindTools = () => {
      throw new Error("tool_choice is not supported");
    };
    const call = await gatewayWith(model).chat("reasoning", {
      prompt,
      messages: [{ role: "user", content: "q" }],
      tools: [tool],
      toolChoice: "submit",
    });
    expect(call.reply).toBeNull();
    expect(call.error).toBe("the model refused the tools: tool_choice is not supported");
  });
});

describe("structured output through a forced tool call", () => {
  it("repairs once: the model is shown what it sent and why it was refused", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "submit", args: { decision: "maybe" } }])
      .respondWithTools([{ name: "submit", args: { decision: "fraud" } }]);
    const result = await structuredCall(gatewayWith(model), "reasoning", {
      prompt,
      messages: [{ role: "user", content: "decide" }],
      tool,
    });
    expect(result).toMatchObject({ value: { decision: "fraud" }, repaired: true, failure: null });
    const repairTurns = turnsOf(model.calls[1]?.messages ?? []);
    expect(repairTurns.at(-1)?.content).toContain("could not be used: decision");
    expect(repairTurns.at(-2)?.content).toContain('"maybe"');
  });

  it("gives up after the repair fails too, saying why", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "other_tool", args: {} }])
      .respondWithTools([{ name: "submit", args: { decision: 3 } }]);
    const result = await structuredCall(gatewayWith(model), "reasoning", {
      prompt,
      messages: [{ role: "user", content: "decide" }],
      tool,
    });
    expect(result.value).toBeNull();
    expect(result.failure).toMatch(/invalid output after one repair/);
    expect(turnsOf(model.calls[1]?.messages ?? []).at(-1)?.content).toContain(
      "it called other_tool, which is not available",
    );
  });
});
