// The Tavily and SearxNG providers against a real local HTTP peer on 127.0.0.1: each
// suite's server answers in the provider's documented shape (or fails as it does),
// records every request, and the tests assert both what left and what came back.
// Backoff sleeps are injected and recorded, never slept: no timed assertions.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSearxngProvider } from "../../../tools/search/providers/searxng.js";
import { createTavilyProvider } from "../../../tools/search/providers/tavily.js";
import { SearchProviderError } from "../../../tools/search/types.js";

type Reply = { status?: number; body?: unknown; type?: string; headers?: Record<string, string> };
interface Seen {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One peer per suite; `script` is consumed one reply per request, "hang" never answers. */
function peer() {
  const state = { script: [] as Array<Reply | "hang">, requests: [] as Seen[], base: "" };
  let arrived: () => void = () => {};
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", state.base);
      state.requests.push({ method: req.method ?? "", url, headers: req.headers, body });
      arrived();
      const step = state.script.shift() ?? { status: 500, body: { detail: "script ran out" } };
      if (step === "hang") return;
      const text = typeof step.body === "string" ? step.body : JSON.stringify(step.body ?? {});
      const type = step.type ?? "application/json";
      res.writeHead(step.status ?? 200, { "content-type": type, ...step.headers }).end(text);
    });
  });
  return {
    state,
    firstRequest: () => new Promise<void>((resolve) => (arrived = resolve)),
    start: () =>
      new Promise<void>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          resolve();
        }),
      ),
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const fixedNow = () => new Date("2025-03-01T12:00:00.000Z");

async function failure(promise: Promise<unknown>): Promise<SearchProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SearchProviderError);
  return error as SearchProviderError;
}

/** Shared cases: `make` builds the provider, `ok` is one successful body, `e401` its 401 body. */
function commonCases(
  p: ReturnType<typeof peer>,
  make: (o?: { retries?: number; timeoutMs?: number }) => {
    provider: ReturnType<typeof createTavilyProvider>;
    waits: number[];
  },
  ok: unknown,
  e401: unknown,
) {
  it("a 401 is an auth error and is not retried", async () => {
    p.state.script = [{ status: 401, body: e401 }];
    const error = await failure(make().provider.search("acme", { limit: 5 }));
    expect(error.kind).toBe("auth");
    expect(error.status).toBe(401);
    expect(p.state.requests).toHaveLength(1);
  });

  it("a 429 then a 200 succeeds after exactly two requests", async () => {
    p.state.script = [{ status: 429, body: "Too Many Requests", type: "text/plain" }, { body: ok }];
    const { provider, waits } = make();
    const results = await provider.search("acme", { limit: 5 });
    expect(results.length).toBeGreaterThan(0);
    expect(p.state.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it("repeated 500s end as unavailable after retries + 1 requests", async () => {
    p.state.script = [500, 502, 503].map((status) => ({ status, body: { error: "down" } }));
    const error = await failure(make({ retries: 2 }).provider.search("acme", { limit: 5 }));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("after 3 attempts");
    expect(p.state.requests).toHaveLength(3);
  });

  it("a server that never answers times out, once per allowed attempt", async () => {
    p.state.script = ["hang", "hang"];
    const error = await failure(
      make({ retries: 1, timeoutMs: 100 }).provider.search("acme", { limit: 5 }),
    );
    expect(error.kind).toBe("timeout");
    expect(p.state.requests).toHaveLength(2);
  });

  it("a 200 that is not JSON is a bad_response, not a crash, and is not retried", async () => {
    p.state.script = [{ body: "<html>oops", type: "text/html" }];
    const error = await failure(make().provider.search("acme", { limit: 5 }));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toContain("not JSON");
    expect(p.state.requests).toHaveLength(1);
  });

  it("a 200 of the wrong shape is a bad_response naming the field", async () => {
    p.state.script = [{ body: { results: "none" } }];
    const error = await failure(make().provider.search("acme", { limit: 5 }));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toContain("results");
  });

  it("the caller's abort rejects at once, without retries", { timeout: 5_000 }, async () => {
    p.state.script = ["hang", "hang", "hang"];
    const controller = new AbortController();
    const arrived = p.firstRequest();
    const pending = make({ retries: 2, timeoutMs: 60_000 }).provider.search("acme", {
      limit: 5,
      signal: controller.signal,
    });
    await arrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(p.state.requests).toHaveLength(1);
  });
}

const tavilyHit = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `Acme Ltd fraud report ${n}`,
  url: `https://news.example/acme-${n}`,
  content: `Acme Ltd was named in report ${n}.`,
  score: 0.9 - n / 10,
  raw_content: null,
  ...extra,
});
const tavilyOk = (results: unknown[]) => ({ query: "acme", results, response_time: 0.4 });

describe("tavily provider", () => {
  const p = peer();
  beforeAll(p.start);
  afterAll(p.stop);
  beforeEach(() => {
    p.state.requests = [];
  });
  const make = (o: { retries?: number; timeoutMs?: number } = {}) => {
    const waits: number[] = [];
    const provider = createTavilyProvider({
      apiKey: "tvly-test-key",
      baseUrl: p.state.base,
      timeoutMs: o.timeoutMs ?? 5_000,
      retries: o.retries ?? 2,
      now: fixedNow,
      random: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    return { provider, waits };
  };

  it("posts the documented body with a bearer key and maps results, honouring the limit", async () => {
    const bad = tavilyHit(9, { url: "javascript:alert(1)" });
    const hits = [bad, tavilyHit(1, { published_date: "2025-01-15" }), tavilyHit(2), tavilyHit(3)];
    p.state.script = [{ body: tavilyOk(hits) }, { body: tavilyOk(hits) }];
    const first = await make().provider.search("acme ltd fraud", { limit: 2 });
    const again = await make().provider.search("acme ltd fraud", { limit: 50 });

    const [req, req2] = p.state.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url.pathname).toBe("/search");
    expect(req?.headers.authorization).toBe("Bearer tvly-test-key");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req!.body)).toEqual({
      query: "acme ltd fraud",
      max_results: 2,
      search_depth: "basic",
      include_answer: false,
      include_raw_content: false,
    });
    expect(JSON.parse(req2!.body).max_results).toBe(20);
    const url = "https://news.example/acme-1";
    const title = "Acme Ltd fraud report 1";
    const snippet = "Acme Ltd was named in report 1.";
    expect(first).toEqual([
      {
        url,
        title,
        snippet,
        retrievedAt: "2025-03-01T12:00:00.000Z",
        contentHash: sha256(`${url}\n${title}\n${snippet}`),
        provider: "tavily",
        score: 0.8,
        publishedAt: "2025-01-15T00:00:00.000Z",
        untrusted: true,
      },
      expect.objectContaining({ url: "https://news.example/acme-2", publishedAt: null }),
    ]);
    expect(again.slice(0, 2)).toEqual(first);
    expect(again).toHaveLength(3);
  });

  it("a plan limit (432) is rate_limited and not retried", async () => {
    p.state.script = [{ status: 432, body: { detail: { error: "exceeds your plan's limit" } } }];
    const error = await failure(make().provider.search("acme", { limit: 5 }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 432 });
    expect(error.message).toContain("plan's limit");
    expect(p.state.requests).toHaveLength(1);
  });

  it("a 429 with Retry-After waits at least that long before the retry", async () => {
    p.state.script = [
      { status: 429, body: { detail: { error: "slow down" } }, headers: { "retry-after": "2" } },
      { body: tavilyOk([tavilyHit(1)]) },
    ];
    const { provider, waits } = make();
    await provider.search("acme", { limit: 5 });
    expect(waits[0]).toBeGreaterThanOrEqual(2_000);
  });

  commonCases(p, make, tavilyOk([tavilyHit(1)]), {
    detail: { error: "Unauthorized: missing or invalid API key." },
  });
});

const searxHit = (n: number, extra: Record<string, unknown> = {}) => ({
  url: `https://blog.example/acme-${n}`,
  title: `Acme <b>Ltd</b> ${n}`,
  content: `<p>Acme&nbsp;Ltd <em>complaint</em> ${n} &amp; more</p>`,
  engine: "duckduckgo",
  engines: ["duckduckgo", "brave"],
  score: 2 / n,
  category: "general",
  publishedDate: null,
  ...extra,
});
const searxOk = (results: unknown[], unresponsive: unknown[] = []) => ({
  query: "acme",
  number_of_results: 0,
  results,
  answers: [],
  infoboxes: [],
  suggestions: [],
  unresponsive_engines: unresponsive,
});

describe("searxng provider", () => {
  const p = peer();
  beforeAll(p.start);
  afterAll(p.stop);
  beforeEach(() => {
    p.state.requests = [];
  });
  const make = (o: { retries?: number; timeoutMs?: number } = {}) => {
    const waits: number[] = [];
    const provider = createSearxngProvider({
      baseUrl: `${p.state.base}/`,
      language: "en",
      categories: ["general", "news"],
      timeoutMs: o.timeoutMs ?? 5_000,
      retries: o.retries ?? 2,
      now: fixedNow,
      random: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    return { provider, waits };
  };

  it("asks for JSON with the documented params and returns plain-text results", async () => {
    const hits = [
      searxHit(1, { publishedDate: "2024-05-01T08:30:00" }),
      searxHit(2, { url: "/relative" }),
      searxHit(3),
      searxHit(4),
    ];
    p.state.script = [{ body: searxOk(hits, [["google", "timeout"]]) }];
    const results = await make().provider.search("acme ltd", { limit: 2 });

    const req = p.state.requests[0]!;
    expect(req.method).toBe("GET");
    expect(req.url.pathname).toBe("/search");
    expect(Object.fromEntries(req.url.searchParams)).toEqual({
      q: "acme ltd",
      format: "json",
      pageno: "1",
      safesearch: "1",
      language: "en",
      categories: "general,news",
    });
    const [url, title, snippet] = [
      "https://blog.example/acme-1",
      "Acme Ltd 1",
      "Acme Ltd complaint 1 & more",
    ];
    expect(results).toEqual([
      {
        url,
        title,
        snippet,
        retrievedAt: "2025-03-01T12:00:00.000Z",
        contentHash: sha256(`${url}\n${title}\n${snippet}`),
        provider: "searxng",
        score: 2,
        publishedAt: "2024-05-01T08:30:00.000Z",
        untrusted: true,
      },
      expect.objectContaining({ url: "https://blog.example/acme-3", untrusted: true }),
    ]);
  });

  it("a 403 HTML page says to enable the json format, without retrying", async () => {
    p.state.script = [
      { status: 403, body: "<!DOCTYPE html><title>403 Forbidden</title>", type: "text/html" },
    ];
    const error = await failure(make().provider.search("acme", { limit: 5 }));
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("enable json in settings.yml search.formats");
    expect(p.state.requests).toHaveLength(1);
  });

  it("a 400 with an error body is a bad_request carrying SearxNG's reason", async () => {
    p.state.script = [{ status: 400, body: { error: "search error" } }];
    const error = await failure(make().provider.search("acme", { limit: 5 }));
    expect(error).toMatchObject({ kind: "bad_request", status: 400 });
    expect(error.message).toContain("search error");
    expect(p.state.requests).toHaveLength(1);
  });

  it("no results with every listed engine failing is unavailable, not an empty web", async () => {
    const dead = [
      ["google", "CAPTCHA"],
      ["duckduckgo", "timeout"],
    ];
    p.state.script = [{ body: searxOk([], dead) }, { body: searxOk([], dead) }];
    const error = await failure(make({ retries: 1 }).provider.search("acme", { limit: 5 }));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("google: CAPTCHA");
    expect(p.state.requests).toHaveLength(2);
  });

  it("no results with no failed engines is simply an empty answer", async () => {
    p.state.script = [{ body: searxOk([]) }];
    await expect(make().provider.search("acme", { limit: 5 })).resolves.toEqual([]);
  });

  commonCases(p, make, searxOk([searxHit(1)]), "Unauthorized");
});
