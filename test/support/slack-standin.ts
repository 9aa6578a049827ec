// A local stand-in for Slack on a loopback port, for tests that must not reach
// Slack: the Web API methods the bot calls (answered as Slack answers them) and
// response_url posts, every call recorded with its arguments. Plus signing, as
// Slack signs the requests it sends to /slack/events.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

export interface SlackStandIn {
  /** For WebClient's slackApiUrl. */
  apiUrl: string;
  /** A response_url the stand-in records posts to. */
  responseUrl: string;
  calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** Members of user groups, for usergroups.users.list. */
  groups: Record<string, string[]>;
  /** Channels the bot is not in: chat.postMessage answers not_in_channel. */
  closed: Set<string>;
  /** What apps.connections.open answers (Socket Mode's WebSocket URL). */
  socketUrl: { value: string };
  /** Resolves when `predicate` holds for a recorded call (polls). */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

function parseArgs(body: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("json")) return JSON.parse(body || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    // WebClient sends blocks, attachments and views as JSON strings.
    args[k] = /^(blocks|attachments|view)$/.test(k) ? JSON.parse(v) : v;
  }
  return args;
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const groups: Record<string, string[]> = {};
  const closed = new Set<string>();
  const socketUrl = { value: "" };
  let seq = 0;
  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0TEST" };
      case "chat.postMessage": {
        const channel = String(args.channel);
        if (closed.has(channel)) return { ok: false, error: "not_in_channel" };
        seq += 1;
        return {
          ok: true,
          channel,
          ts: `1700000000.${String(seq).padStart(6, "0")}`,
          message: args,
        };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: "1700000000.999999" };
      case "views.open":
        return { ok: true, view: { id: "V0TEST" } };
      case "apps.connections.open":
        return socketUrl.value
          ? { ok: true, url: socketUrl.value }
          : { ok: false, error: "invalid_auth" };
      case "usergroups.users.list":
        return { ok: true, users: groups[String(args.usergroup)] ?? [] };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname.startsWith("/response/")) {
        calls.push({ method: "response_url", args: parseArgs(body, "json") });
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        return;
      }
      const method = url.pathname.replace(/^\/api\//, "");
      const args = parseArgs(body, req.headers["content-type"]);
      calls.push({ method, args });
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify(answer(method, args)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/response/1`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    groups,
    closed,
    socketUrl,
    async waitFor(predicate, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > until) throw new Error("the stand-in never saw the expected call");
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Slack's request signature: v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + raw body)). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Posts to the bot as Slack does: signed over the raw body (now, unless told otherwise). */
export async function postToSlackEndpoint(
  url: string,
  secret: string,
  body: string,
  options: {
    contentType?: string;
    timestamp?: number;
    signature?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(secret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}
