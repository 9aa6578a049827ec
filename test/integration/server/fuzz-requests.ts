// Generates malformed requests for the API fuzz test from a seed: odd methods and
// paths, broken percent-encoding, junk query strings, wrong and forged keys, bad
// content types, and bodies that are broken, huge, deeply nested, of the wrong type
// or shaped to pollute prototypes.

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** mulberry32: small, fast, good enough to pick cases reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFuzzer(seed: number, ctx: { keys: string[]; caseIds: string[] }) {
  const r = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
  const int = (max: number) => Math.floor(r() * max);

  const junkStrings = [
    "",
    " ",
    "null",
    "%",
    "%zz",
    "%ff%fe",
    "%00",
    "..%2f..%2fetc%2fpasswd",
    "../../etc/passwd",
    "x".repeat(3000),
    "😀".repeat(50),
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "$(reboot)",
    "\\u0000",
    "NaN",
    "-1",
    "1e309",
    "__proto__",
    "constructor",
    "a,b,,c",
  ];
  const enc = (s: string) =>
    r() < 0.5 ? encodeURIComponent(s) : s.replace(/[^\x21-\x7e]/g, "%41");
  const id = () =>
    pick([...ctx.caseIds, enc(pick(junkStrings)), "00000000-0000-0000-0000-000000000000"]);
  const paths = [
    () => "/v1/cases",
    () => `/v1/cases/${id()}`,
    () => `/v1/cases/${id()}/evidence`,
    () => `/v1/cases/${id()}/audit`,
    () => `/v1/cases/${id()}/report`,
    () => `/v1/cases/${id()}/events`,
    () => `/v1/cases/${id()}/reviews`,
    () => "/v1/keys",
    () => `/v1/keys/${enc(pick(junkStrings))}`,
    () => "/v1/batches",
    () => `/v1/batches/${id()}`,
    () => `/v1/batches/${id()}/results`,
    () => `/v1/batches/${id()}/cancel`,
    () => `/v1/batches/${id()}/events`,
    () => `/v1/sellers/${id()}/similar`,
    () => `/v1/sellers/${id()}/similar?k=${enc(pick(junkStrings))}`,
    () => "/metrics",
    () => "/healthz",
    () => "/readyz",
    () => "/openapi.json",
    () => "/docs",
    () => `/${enc(pick(junkStrings))}`,
    () => "/v1/cases//",
    () => "/v1/./cases/../cases",
    () => "//v1//cases",
  ];
  const queryParts = [
    "status=",
    "status=decided,,lost",
    "decision=fraud,fraud,fraud,fraud,fraud,fraud,fraud,fraud,fraud,fraud,fraud",
    "typology=phishing",
    "subject=seller:",
    "subject=:x",
    "limit=1e9",
    "limit=-5",
    "limit=abc",
    "limit=1&limit=2",
    "cursor=%%%",
    "cursor=bm9wZQ",
    `cursor=${Buffer.from('["2020-01-01T00:00:00Z",""]').toString("base64url")}`,
    `cursor=${Buffer.from('["not a date","x"]').toString("base64url")}`,
    "created_after=2020-13-45T99:99:99Z",
    "created_before=yesterday",
    "verify=yes",
    "after=-1",
    "after=99999999999999999999",
    "__proto__[admin]=1",
    "a[b][c]=d",
    `x=${"y".repeat(5000)}`,
  ];
  const authHeaders = () => {
    const key = pick(ctx.keys);
    // Half the requests carry a valid key, so the malformed rest reaches the handlers.
    if (r() < 0.5) return { authorization: `Bearer ${key}` };
    return pick([
      {},
      { authorization: "" },
      { authorization: "Bearer" },
      { authorization: "Basic YWRtaW46YWRtaW4=" },
      { authorization: `Bearer ${key}` },
      { authorization: `bearer   ${key}` },
      { authorization: `Bearer ${key}x` },
      { authorization: `Bearer ${key.slice(0, 20)}` },
      { authorization: `Bearer chk_${"a".repeat(12)}_${"b".repeat(43)}` },
      { authorization: `Bearer ${"A".repeat(4000)}` },
      { authorization: `Bearer ${key}, Bearer ${key}` },
    ]) as Record<string, string>;
  };
  const jsonBodies = [
    () => "",
    () => "{",
    () => '{"subject": ',
    () => "[]",
    () => "null",
    () => "42",
    () => '"a string"',
    () => "{}",
    () => '{"subject":{"type":"seller","id":"slr_x"},"allegation":"ok","extra":true}',
    () => '{"subject":"seller:slr_x","allegation":"wrong shape"}',
    () => '{"subject":{"type":"seller","id":["a"]},"allegation":1}',
    () => '{"__proto__":{"admin":true},"subject":{"type":"seller","id":"slr_x"},"allegation":"p"}',
    () => '{"constructor":{"prototype":{"polluted":1}}}',
    () => `{"subject":{"type":"seller","id":"slr_x"},"allegation":"${"a".repeat(5000)}"}`,
    () => `{"subject":{"type":"seller","id":"slr_x"},"allegation":"lone \\ud800 surrogate"}`,
    () => '{"subject":{"type":"seller","id":"slr_x"},"allegation":"nul \\u0000 byte"}',
    () => `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
    () => `{"a":${'{"a":'.repeat(3_000)}1${"}".repeat(3_000)}}`,
    () =>
      JSON.stringify({ subject: { type: "seller", id: "slr_x" }, allegation: "x".repeat(80_000) }),
    () => '{"outcome":"approved","reason":"r","verdictHash":"zz"}',
    () =>
      '{"outcome":"overridden","decision":"banana","reason":"","verdictHash":"' +
      "0".repeat(64) +
      '"}',
    () => '{"name":"x","role":"root"}',
    () => '{"flagged":{"limit":0,"minScore":"high"}}',
    () => '{"subjects":[]}',
    () => '{"flagged":{},"subjects":[{"subject":{"type":"seller","id":"slr_x"}}]}',
    () => '{"subjects":[{"subject":{"type":"seller","id":"slr_x"},"allegation":"nul \\u0000"}]}',
    () => '{"subjects":[{"subject":{"type":"seller","id":"slr_x"}}]}',
    () => `{"name":"${"n".repeat(500)}","role":"admin"}`,
    () => '{"subject":{"type":"seller","id":"slr_x"},"allegation":"dup","allegation":"dup2"}',
    () =>
      '{"subject":{"type":"seller","id":"slr_x"},"allegation":"t","asOf":"2026-02-30T00:00:00Z"}',
    () =>
      '{"subject":{"type":"seller","id":"slr_x"},"allegation":"t","typologyHints":["brushing","brushing","brushing","brushing","brushing","brushing"]}',
  ];
  const contentTypes = [
    "application/json",
    "application/json; charset=latin1",
    "application/json; charset=utf-16",
    "application/problem+json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jso",
    "",
  ];

  return function next(): FuzzRequest {
    const method = pick([
      "GET",
      "GET",
      "POST",
      "POST",
      "POST",
      "PUT",
      "PATCH",
      "DELETE",
      "HEAD",
      "OPTIONS",
    ]);
    let path = pick(paths)();
    if (r() < 0.4)
      path += `?${Array.from({ length: 1 + int(3) }, () => pick(queryParts)).join("&")}`;
    const headers: Record<string, string> = { ...authHeaders() };
    if (r() < 0.3)
      headers.accept = pick(["text/html", "application/pdf", "*/*", "text/markdown;q=0", ""]);
    if (r() < 0.2)
      headers["idempotency-key"] = pick(["", "k", "k".repeat(300), "key with spaces", "%00"]);
    if (r() < 0.1) headers["last-event-id"] = pick(["-1", "abc", "9".repeat(30), "3"]);
    let body: string | Buffer | undefined;
    if (method !== "GET" && method !== "HEAD" && r() < 0.9) {
      body = r() < 0.05 ? Buffer.from([0xff, 0xfe, 0x00, 0x7b]) : pick(jsonBodies)();
      const type = pick(contentTypes);
      if (type) headers["content-type"] = type;
      if (r() < 0.05) headers["content-encoding"] = pick(["gzip", "br", "x-unknown"]);
    }
    return { method, path, headers, body };
  };
}
