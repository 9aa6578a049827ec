// A local OpenAI-compatible HTTP server for tests: the real ChatOpenAI / OpenAIEmbeddings
// clients talk to it over real sockets on 127.0.0.1, it answers chat completions from a
// script (replies, tool calls, HTTP errors, hangs, malformed bodies), and it records every
// request so tests can assert what left the process — and that no PII did.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as it arrived. `n` is its 0-based position in `stub.requests`. */
export interface RecordedRequest<B = unknown> {
  n: number;
  method: string;
  path: string;
  /** Lowercased names; an Authorization value is replaced by "Bearer <redacted>". */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw string when the body is not JSON ("" when there is none). */
  body: B;
  /** Arrival time, ms since the epoch. */
  at: number;
}

/** The parts of a chat completion request tests usually look at. */
export interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content?: unknown; [key: string]: unknown }>;
  tools?: Array<{ type: string; function?: { name: string; [key: string]: unknown } }>;
  tool_choice?: unknown;
  stream?: boolean;
  [key: string]: unknown;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ToolCallSpec {
  /** Omitted: the function the request forces (`tool_choice`), else its only tool. */
  name?: string;
  /** An object is sent as JSON; a string is sent verbatim (malformed JSON on purpose). */
  args: Record<string, unknown> | string;
  id?: string;
}

type ReplyExtras = { usage?: Partial<Usage>; finishReason?: string };
export type ErrorStatus = 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503 | 504;

export type ReplyStep =
  | ({ content: string } & ReplyExtras)
  | ({ toolCalls: ToolCallSpec[]; content?: string } & ReplyExtras);

export type Step =
  | ReplyStep
  | { status: ErrorStatus; message?: string; code?: string; type?: string; retryAfter?: number }
  /** Holds the request open, then answers 504 (default) or drops the connection. */
  | { hangMs: number; then?: 504 | "destroy" }
  | { rawBody: string; status?: number; contentType?: string };

/** `n` is the 0-based index of this chat request among chat requests. */
export type ChatScript =
  | Step[]
  | ((request: RecordedRequest<ChatBody>, n: number) => Step | Promise<Step>);

export interface OpenAiStubOptions {
  chat?: ChatScript;
  /** Overrides the default hash-seeded unit vector for one input. */
  embed?: (input: string, dimensions: number) => number[];
  /** Ids listed by GET /v1/models. */
  models?: string[];
}

export interface OpenAiStub {
  /** `http://127.0.0.1:<port>/v1`, for `configuration: { baseURL }`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Chat requests answered 500 because the scripted array ran out. */
  readonly exhausted: number;
  chatRequests(): RecordedRequest<ChatBody>[];
  /** Every string value anywhere in every request body, one per line. */
  allText(): string;
  close(): Promise<void>;
}

const CHAT_PATH = "/v1/chat/completions";

export const reply = (content: string, usage?: Partial<Usage>): Step =>
  usage ? { content, usage } : { content };

export const toolCall = (name: string, args: ToolCallSpec["args"], id?: string): Step => ({
  toolCalls: [id ? { name, args, id } : { name, args }],
});

/** Answers `withStructuredOutput(schema, { method: "functionCalling" })` with `args`. */
export const structured = (args: ToolCallSpec["args"], name?: string): Step => ({
  toolCalls: [name ? { name, args } : { args }],
});

export const rateLimited = (retryAfter?: number): Step =>
  retryAfter === undefined ? { status: 429 } : { status: 429, retryAfter };

export const hang = (hangMs: number): Step => ({ hangMs });

/** The default embedding: a unit vector seeded by the SHA-256 of the input. */
export function stubEmbedding(input: string, dimensions = 1536): number[] {
  let seed = createHash("sha256").update(input).digest().readUInt32LE(0);
  const next = () => {
    // mulberry32: small, fast and good enough for distinct, repeatable vectors.
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const v = Array.from({ length: dimensions }, () => next() * 2 - 1);
  const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

export async function startOpenAiStub(options: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state = { chatCount: 0, exhausted: 0 };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(error), "server_error", "stub_failure");
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const record: RecordedRequest = {
      n: requests.length,
      method: req.method ?? "GET",
      path: new URL(req.url ?? "/", "http://stub").pathname,
      headers: recordHeaders(req),
      body: "",
      at: Date.now(),
    };
    requests.push(record);
    record.body = parseBody(await readBody(req));
    const route = `${record.method} ${record.path}`;
    if (route === `POST ${CHAT_PATH}`) return chat(record, res);
    if (route === "POST /v1/embeddings") return embeddings(record.body, res, options.embed);
    if (route === "GET /v1/models") return listModels(res, options.models);
    sendError(res, 404, `Invalid URL (${route})`, "invalid_request_error", "unknown_url");
  }

  async function chat(record: RecordedRequest, res: ServerResponse): Promise<void> {
    if (!isObject(record.body)) {
      return sendError(res, 400, "We could not parse the JSON body of your request.");
    }
    const request = record as RecordedRequest<ChatBody>;
    const n = state.chatCount++;
    const script = options.chat ?? [];
    let step: Step;
    if (Array.isArray(script)) {
      const next = script[n];
      if (!next) {
        state.exhausted++;
        const message = `openai-stub: the chat script ran out (chat request #${n + 1}, script has ${script.length} steps)`;
        return sendError(res, 500, message, "server_error", "stub_script_exhausted");
      }
      step = next;
    } else {
      step = await script(request, n);
    }
    answer(step, request.body, res);
  }

  function answer(step: Step, body: ChatBody, res: ServerResponse): void {
    if ("hangMs" in step) holdOpen(step, res);
    else if ("rawBody" in step) {
      res.writeHead(step.status ?? 200, { "content-type": step.contentType ?? "application/json" });
      res.end(step.rawBody);
    } else if ("status" in step) {
      const headers: Record<string, string> =
        step.retryAfter === undefined ? {} : { "retry-after": `${step.retryAfter}` };
      const message = step.message ?? defaultMessage(step.status, body.model);
      const type = step.type ?? errorType(step.status);
      sendError(res, step.status, message, type, step.code ?? errorCode(step.status), headers);
    } else completion(step, body, res);
  }

  function holdOpen(step: { hangMs: number; then?: 504 | "destroy" }, res: ServerResponse): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (step.then === "destroy") res.destroy();
      else sendError(res, 504, "openai-stub: gateway timeout", "server_error", "timeout");
    }, step.hangMs);
    timers.add(timer);
    res.on("close", () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get exhausted() {
      return state.exhausted;
    },
    chatRequests: () =>
      requests.filter(
        (r): r is RecordedRequest<ChatBody> =>
          r.method === "POST" && r.path === CHAT_PATH && isObject(r.body),
      ),
    allText: () => requests.flatMap((r) => stringsIn(r.body)).join("\n"),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface AssistantMessage {
  role: "assistant";
  content: string | null;
  refusal: null;
  tool_calls?: Array<{
    id: string;
    type: "function";
    function: { name: string; arguments: string };
  }>;
}

/** A successful completion, as one JSON body or as server-sent events. */
function completion(step: ReplyStep, body: ChatBody, res: ServerResponse): void {
  const message = assistantMessage(step, body);
  if (typeof message === "string") {
    sendError(res, 500, message, "server_error", "stub_bad_step");
    return;
  }
  const finish = step.finishReason ?? (message.tool_calls ? "tool_calls" : "stop");
  const usage = usageFor(body, message, step.usage);
  if (body.stream === true) {
    streamCompletion(res, body, message, finish, usage);
    return;
  }
  sendJson(res, 200, {
    ...envelope(body, "chat.completion"),
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    usage,
  });
}

/** The assistant message a reply step stands for, or why it cannot be built. */
function assistantMessage(step: ReplyStep, body: ChatBody): AssistantMessage | string {
  if (!("toolCalls" in step)) {
    if (typeof step.content === "string")
      return { role: "assistant", content: step.content, refusal: null };
    return `openai-stub: unknown step ${JSON.stringify(step)}`;
  }
  const forced = forcedToolName(body);
  const calls: NonNullable<AssistantMessage["tool_calls"]> = [];
  for (const call of step.toolCalls) {
    const name = call.name ?? forced;
    if (!name) return "openai-stub: a tool call step has no name and the request forces no tool";
    const args = typeof call.args === "string" ? call.args : JSON.stringify(call.args);
    calls.push({
      id: call.id ?? openAiId("call_"),
      type: "function",
      function: { name, arguments: args },
    });
  }
  return { role: "assistant", content: step.content ?? null, refusal: null, tool_calls: calls };
}

function forcedToolName(body: ChatBody): string | undefined {
  const choice = body.tool_choice;
  if (isObject(choice) && isObject(choice.function) && typeof choice.function.name === "string") {
    return choice.function.name;
  }
  return body.tools?.length === 1 ? body.tools[0]?.function?.name : undefined;
}

function usageFor(body: ChatBody, message: AssistantMessage, given?: Partial<Usage>): Usage {
  const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));
  const replyText = [
    message.content ?? "",
    ...(message.tool_calls ?? []).map((c) => c.function.name + c.function.arguments),
  ].join("");
  // Roles are not text the model reads; everything else in a message counts.
  const promptText = (body.messages ?? []).flatMap(({ role: _role, ...rest }) => stringsIn(rest));
  const prompt_tokens = given?.prompt_tokens ?? tokens(promptText.join(""));
  const completion_tokens = given?.completion_tokens ?? tokens(replyText);
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: given?.total_tokens ?? prompt_tokens + completion_tokens,
  };
}

/** Server-sent events as OpenAI streams them: role, content pieces, tool calls, finish, usage. */
function streamCompletion(
  res: ServerResponse,
  body: ChatBody,
  message: AssistantMessage,
  finish: string,
  usage: Usage,
): void {
  const head = envelope(body, "chat.completion.chunk");
  const chunk = (delta: object, finish_reason: string | null = null) => ({
    ...head,
    choices: [{ index: 0, delta, logprobs: null, finish_reason }],
  });
  const events: object[] = [chunk({ role: "assistant", content: "", refusal: null })];
  for (const piece of (message.content ?? "").match(/\S*\s*/g) ?? []) {
    if (piece) events.push(chunk({ content: piece }));
  }
  message.tool_calls?.forEach((call, index) => {
    events.push(chunk({ tool_calls: [{ index, ...call }] }));
  });
  events.push(chunk({}, finish));
  const options = body.stream_options;
  if (isObject(options) && options.include_usage === true) {
    events.push({ ...head, choices: [], usage });
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const event of events) res.write(`data: ${JSON.stringify(event)}\n\n`);
  res.end("data: [DONE]\n\n");
}

function embeddings(
  body: unknown,
  res: ServerResponse,
  embed: OpenAiStubOptions["embed"] = stubEmbedding,
): void {
  if (!isObject(body) || body.input === undefined) {
    sendError(res, 400, "'input' is a required property");
    return;
  }
  const raw = body.input;
  // A token array (number[]) is one input; anything else non-string is hashed as JSON.
  const inputs = Array.isArray(raw) && typeof raw[0] !== "number" ? raw : [raw];
  const texts = inputs.map((i) => (typeof i === "string" ? i : JSON.stringify(i)));
  const dimensions = typeof body.dimensions === "number" ? body.dimensions : 1536;
  const base64 = body.encoding_format === "base64";
  const data = texts.map((text, index) => {
    const vector = embed(text, dimensions);
    const embedding = base64
      ? Buffer.from(new Float32Array(vector).buffer).toString("base64")
      : vector;
    return { object: "embedding", index, embedding };
  });
  const prompt_tokens = Math.max(1, Math.ceil(texts.join("").length / 4));
  sendJson(res, 200, {
    object: "list",
    data,
    model: typeof body.model === "string" ? body.model : "text-embedding-3-small",
    usage: { prompt_tokens, total_tokens: prompt_tokens },
  });
}

function listModels(res: ServerResponse, ids = ["gpt-4o-mini", "text-embedding-3-small"]): void {
  const created = Math.floor(Date.now() / 1000);
  const data = ids.map((id) => ({ id, object: "model", created, owned_by: "casehound-stub" }));
  sendJson(res, 200, { object: "list", data });
}

function envelope(body: ChatBody, object: string) {
  return {
    id: openAiId("chatcmpl-"),
    object,
    created: Math.floor(Date.now() / 1000),
    model: typeof body.model === "string" ? body.model : "gpt-4o-mini",
    system_fingerprint: "fp_stub",
  };
}

function errorType(status: number): string {
  if (status === 429) return "requests";
  return status >= 500 ? "server_error" : "invalid_request_error";
}

function errorCode(status: number): string | null {
  if (status === 401) return "invalid_api_key";
  if (status === 429) return "rate_limit_exceeded";
  return null;
}

function defaultMessage(status: number, model = "gpt-4o-mini"): string {
  // Never say "try again in Ns" here: the LangChain client parses that as a Retry-After hint.
  if (status === 429) return `Rate limit reached for ${model} (openai-stub).`;
  if (status === 401) return "Incorrect API key provided (openai-stub).";
  if (status >= 500) return `openai-stub: scripted ${status}`;
  return `openai-stub: scripted ${status} bad request`;
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type = "invalid_request_error",
  code: string | null = null,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(payload));
}

function recordHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  if (headers.authorization !== undefined) headers.authorization = "Bearer <redacted>";
  return headers;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(text: string): unknown {
  if (text === "") return "";
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isObject(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function openAiId(prefix: string): string {
  return prefix + randomBytes(12).toString("base64url");
}
