// Proves the OpenAI stub speaks the wire protocol the real @langchain/openai clients expect,
// over real local sockets, and pins down how those clients behave on errors, retries,
// timeouts and malformed tool arguments — the facts our error classification relies on.
import type { AIMessage } from "@langchain/core/messages";
import { ChatOpenAI, type ChatOpenAIFields, OpenAIEmbeddings } from "@langchain/openai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  hang,
  type OpenAiStub,
  type OpenAiStubOptions,
  rateLimited,
  reply,
  type Step,
  startOpenAiStub,
  structured,
  stubEmbedding,
  toolCall,
} from "../../support/openai-stub.js";

let stub: OpenAiStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
  vi.restoreAllMocks();
});

async function start(options: OpenAiStubOptions): Promise<OpenAiStub> {
  stub = await startOpenAiStub(options);
  return stub;
}

function chatModel(s: OpenAiStub, fields: ChatOpenAIFields = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "sk-test",
    configuration: { baseURL: s.baseURL },
    maxRetries: 0,
    ...fields,
  });
}

function embeddings(s: OpenAiStub, dimensions?: number): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    model: "text-embedding-3-small",
    apiKey: "sk-test",
    configuration: { baseURL: s.baseURL },
    ...(dimensions ? { dimensions } : {}),
  });
}

/** The rejection of `promise`, failing the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => expect.unreachable("the call should have failed"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Record<string, unknown>;
}

const Verdict = z.object({ decision: z.enum(["fraud", "clear"]), confidence: z.number() });
const lookupTool = {
  type: "function" as const,
  function: {
    name: "lookup_seller",
    description: "Looks a seller up",
    parameters: { type: "object", properties: { sellerId: { type: "string" } } },
  },
};

describe("the OpenAI stub driven by the real ChatOpenAI client", () => {
  it("answers invoke with the scripted content and usage the client reports as usage_metadata", async () => {
    const s = await start({
      chat: [reply("All clear."), reply("Second.", { prompt_tokens: 11, completion_tokens: 7 })],
    });
    const first = await chatModel(s).invoke("Summarise case 42 please"); // 24 chars
    const second = await chatModel(s).invoke("again");

    expect(first.content).toBe("All clear.");
    expect(first.usage_metadata).toMatchObject({
      input_tokens: 6,
      output_tokens: 3,
      total_tokens: 9,
    });
    expect(second.usage_metadata).toMatchObject({
      input_tokens: 11,
      output_tokens: 7,
      total_tokens: 18,
    });
    expect(first.response_metadata).toMatchObject({
      model_name: "gpt-4o-mini",
      finish_reason: "stop",
    });
    expect(s.chatRequests()[0]!.body.messages).toEqual([
      { role: "user", content: "Summarise case 42 please" },
    ]);
  });

  it("hands bound tools' calls back parsed, with their arguments", async () => {
    const s = await start({ chat: [toolCall("lookup_seller", { sellerId: "slr_9" }, "call_1")] });
    const message = await chatModel(s).bindTools([lookupTool]).invoke("who is slr_9?");

    expect(message.tool_calls).toEqual([
      { name: "lookup_seller", args: { sellerId: "slr_9" }, id: "call_1", type: "tool_call" },
    ]);
    expect(message.response_metadata.finish_reason).toBe("tool_calls");
    expect(s.chatRequests()[0]!.body.tools?.[0]?.function?.name).toBe("lookup_seller");
  });

  it("answers functionCalling structured output under the function name the request forces", async () => {
    const s = await start({ chat: [structured({ decision: "fraud", confidence: 0.9 })] });
    const model = chatModel(s).withStructuredOutput(Verdict, {
      method: "functionCalling",
      name: "record_verdict",
      includeRaw: true,
    });
    const { parsed, raw } = await model.invoke("decide");

    expect(parsed).toEqual({ decision: "fraud", confidence: 0.9 });
    expect((raw as AIMessage).response_metadata.finish_reason).toBe("tool_calls");
    expect(s.chatRequests()[0]!.body.tool_choice).toEqual({
      type: "function",
      function: { name: "record_verdict" },
    });
  });

  it("gives { raw, parsed: null } for malformed tool arguments with includeRaw, and throws without it", async () => {
    // @langchain/core warns on the console when a message has raw tool calls but no parsed ones.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const s = await start({ chat: [structured('{"decision": "fraud",'), structured("{oops")] });
    const withRaw = chatModel(s).withStructuredOutput(Verdict, {
      method: "functionCalling",
      includeRaw: true,
    });
    const { raw, parsed } = await withRaw.invoke("decide");
    const thrown = await rejection(
      chatModel(s).withStructuredOutput(Verdict, { method: "functionCalling" }).invoke("decide"),
    );

    expect(parsed).toBeNull();
    const message = raw as AIMessage;
    expect(message.tool_calls).toEqual([]);
    expect(message.invalid_tool_calls).toEqual([
      expect.objectContaining({
        name: "extract",
        args: '{"decision": "fraud",',
        type: "invalid_tool_call",
      }),
    ]);
    expect(thrown.constructor.name).toBe("OutputParserException");
    expect(thrown.lc_error_code).toBe("OUTPUT_PARSING_FAILURE");
    expect(s.chatRequests()).toHaveLength(2);
  });

  it("streams content and tool calls as server-sent events", async () => {
    const s = await start({
      chat: [reply("three streamed words"), toolCall("lookup_seller", { sellerId: "a" })],
    });
    const join = async (stream: AsyncIterable<Awaited<ReturnType<ChatOpenAI["invoke"]>>>) => {
      let all: Awaited<ReturnType<ChatOpenAI["invoke"]>> | undefined;
      for await (const chunk of stream) all = all ? all.concat(chunk) : chunk;
      return all!;
    };
    const text = await join(await chatModel(s).stream("talk"));
    const call = await join(await chatModel(s).bindTools([lookupTool]).stream("look"));

    expect(text.content).toBe("three streamed words");
    expect(text.usage_metadata).toMatchObject({
      input_tokens: 1,
      output_tokens: 5,
      total_tokens: 6,
    });
    expect(call.tool_calls).toEqual([
      expect.objectContaining({ name: "lookup_seller", args: { sellerId: "a" } }),
    ]);
    expect(s.chatRequests()[0]!.body.stream).toBe(true);
  });
});

describe("errors, retries and timeouts as the real client sees them", () => {
  it("does not retry a 429 without Retry-After, even with maxRetries 2", async () => {
    const s = await start({ chat: [rateLimited(), reply("never")] });
    const error = await rejection(chatModel(s, { maxRetries: 2 }).invoke("x"));

    expect(s.chatRequests()).toHaveLength(1);
    expect(error.constructor.name).toBe("RateLimitError");
    expect(error).toMatchObject({
      name: "RateLimitCapacityError",
      status: 429,
      code: "rate_limit_exceeded",
      lc_error_code: "MODEL_RATE_LIMIT",
      rateLimitType: "capacity",
      rateLimitReason: "headerless_429",
    });
    expect(error.message).toMatch(/^429 Rate limit reached/);
  });

  it("waits out a 429 with Retry-After: 1 and retries", async () => {
    const s = await start({ chat: [rateLimited(1), reply("after the wait")] });
    const message = await chatModel(s, { maxRetries: 2 }).invoke("x");

    const [first, second] = s.chatRequests();
    expect(message.content).toBe("after the wait");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("reports a 429 with Retry-After it may not retry as a plain-named error carrying the wait", async () => {
    const s = await start({ chat: [rateLimited(1)] });
    const error = await rejection(chatModel(s, { maxRetries: 0 }).invoke("x"));

    expect(error).toMatchObject({
      name: "Error",
      status: 429,
      retryAfterMs: 1000,
      rateLimitType: "wait",
    });
  });

  it("retries a 500 maxRetries times: two requests with maxRetries 1", async () => {
    const s = await start({ chat: [{ status: 500 }, { status: 500 }] });
    const error = await rejection(chatModel(s, { maxRetries: 1 }).invoke("x"));

    expect(s.chatRequests()).toHaveLength(2);
    expect(error.constructor.name).toBe("InternalServerError");
    expect(error).toMatchObject({ name: "Error", status: 500, type: "server_error" });
    expect(error.message).toBe("500 openai-stub: scripted 500");
  });

  it("gives up on a hung server after the client timeout", async () => {
    const s = await start({ chat: [hang(2000)] });
    // A TimeoutError (not the stub's 504 after 2 s) shows the client gave up first.
    const error = await rejection(chatModel(s, { timeout: 300 }).invoke("x"));
    expect(error).toMatchObject({ name: "TimeoutError", message: "Request timed out." });
    expect(error.status).toBeUndefined();
  });

  it("answers 500 once the script runs out and counts it", async () => {
    const s = await start({ chat: [reply("only one")] });
    await chatModel(s).invoke("x");
    const error = await rejection(chatModel(s).invoke("x"));

    expect(error).toMatchObject({ status: 500, code: "stub_script_exhausted" });
    expect(error.message).toContain("script ran out");
    expect(s.exhausted).toBe(1);
  });

  it("drops hung connections on close, so a waiting client fails at once", async () => {
    const s = await start({ chat: [hang(60_000)] });
    const pending = rejection(chatModel(s).invoke("x"));
    await vi.waitFor(() => expect(s.requests).toHaveLength(1));
    await s.close();

    expect((await pending).message).toBe("Connection error.");
  });
});

describe("what the stub records and serves besides chat", () => {
  it("keeps that an Authorization header arrived but never its key", async () => {
    const s = await start({ chat: [reply("ok")] });
    await chatModel(s).invoke("tell nobody about buyer jane@example.com");

    expect(s.requests[0]!.headers.authorization).toBe("Bearer <redacted>");
    expect(JSON.stringify(s.requests)).not.toContain("sk-test");
    expect(s.allText()).toContain("jane@example.com");
  });

  it("serves OpenAIEmbeddings the stub's hash-seeded unit vector", async () => {
    const s = await start({});
    const vector = await embeddings(s).embedQuery("brushing scam");

    // The client asks for base64 and decodes float32, so compare at float32 precision.
    expect(vector).toEqual(Array.from(new Float32Array(stubEmbedding("brushing scam"))));
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(s.requests[0]!.body).toMatchObject({
      input: "brushing scam",
      encoding_format: "base64",
    });
  });

  it("serves a hook's vectors in the requested dimensions when one is given", async () => {
    const s = await start({
      embed: (text, dims) => Array.from({ length: dims }, () => text.length),
    });

    expect(await embeddings(s, 3).embedDocuments(["ab", "abcd"])).toEqual([
      [2, 2, 2],
      [4, 4, 4],
    ]);
  });

  it("lists models and answers unknown routes with OpenAI's 404 error shape", async () => {
    const s = await start({});
    const models = (await fetch(`${s.baseURL}/models`).then((r) => r.json())) as {
      data: Array<{ id: string }>;
    };
    const missing = await fetch(`${s.baseURL}/assistants`, { method: "POST", body: "{}" });

    expect(models.data.map((m) => m.id)).toContain("gpt-4o-mini");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: expect.objectContaining({
        message: "Invalid URL (POST /v1/assistants)",
        type: "invalid_request_error",
        code: "unknown_url",
      }),
    });
  });

  it("lets a script function choose each step from the request it sees", async () => {
    const script = (
      request: { body: { messages?: Array<{ content?: unknown }> } },
      n: number,
    ): Step => reply(`#${n}: ${String(request.body.messages?.at(-1)?.content)}`);
    const s = await start({ chat: script });

    expect((await chatModel(s).invoke("first")).content).toBe("#0: first");
    expect((await chatModel(s).invoke("second")).content).toBe("#1: second");
  });
});
