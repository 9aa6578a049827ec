// The analyst console in a real browser (Debian's Chromium through playwright-core)
// over the real service on port 0, one small demo world and one browser for the
// whole file: signing in and out, the queue's filters and keyboard walk, a case's
// breakdown and evidence, a review growing the audit chain, a stale review refused,
// a hostile shop description rendered inert, CSRF refusals and the link graph.
// Screenshots go to test-results/console/ (ignored by git).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent, readAuditChain } from "../../../db/repositories/audit.js";
import { createCase } from "../../../db/repositories/cases.js";
import { listReviews } from "../../../db/repositories/reviews.js";
import { hashOf } from "../../../domain/canonical-json.js";
import type { WorldLabels } from "../../../world/labels.js";
import { call, prepareWorld, startTestApi, type TestApi, waitForCase } from "../../support/api.js";
import { chromiumPath, launchChromium, screenshotPath } from "../../support/browser.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";
import { CONTRAST_FAILURES } from "./contrast.js";
import { signedInFetch } from "./session-fetch.js";

const OPEN_LIMITS = {
  perKey: { perSecond: 10_000, burst: 10_000 },
  failures: { perSecond: 10_000, burst: 10_000 },
};

/** Text a seller wrote into its shop description: markup and handlers that must stay inert. */
const HOSTILE =
  'Great shop! <script>window.__pwned = 1; alert("xss")</script><img src="/console/evil.png" onerror="window.__pwned = 2; fetch(\'/console/evil\')"> "><svg onload=alert(1)>';

const chromium = chromiumPath();

describe.skipIf(!chromium)("the analyst console in Chromium", () => {
  let t: TestDatabase;
  let api: TestApi;
  let labels: WorldLabels;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cases: Record<"brushing" | "collusion" | "negative" | "hostile", string> = {
    brushing: "",
    collusion: "",
    negative: "",
    hostile: "",
  };
  let hostileSeller = "";
  /** Script errors and CSP refusals seen on the shared page, all tests long. */
  const consoleErrors: string[] = [];

  const planted = (kind: string) =>
    labels.subjects.find(
      (s) => s.kind === kind && s.intensity === "blatant" && s.role === "primary",
    )?.subject.id as string;

  async function submit(sellerId: string, allegation: string): Promise<string> {
    const answer = await call(api, "POST", "/v1/cases", {
      key: api.keys.analyst,
      json: { subject: { type: "seller", id: sellerId }, allegation },
    });
    expect(answer.status, answer.text).toBe(202);
    return (answer.body as { id: string }).id;
  }

  async function signIn(p: Page, key: string): Promise<void> {
    await p.goto(`${api.url}/console`);
    await p.getByLabel("API key (analyst or admin)").fill(key);
    await p.getByRole("button", { name: "Sign in" }).click();
    await p.waitForURL(`${api.url}/console`);
  }

  beforeAll(async () => {
    t = await pgliteInMemory();
    labels = await prepareWorld(t.db);
    hostileSeller = labels.subjects.find((s) => s.kind === "ordinary")?.subject.id as string;
    await t.db.query("UPDATE risk.sellers SET description = $2 WHERE seller_id = $1", [
      hostileSeller,
      HOSTILE,
    ]);
    api = await startTestApi(t.db, { limits: OPEN_LIMITS, concurrency: 2 });
    cases.brushing = await submit(planted("brushing"), "Many brand-new buyers, five-star reviews");
    cases.collusion = await submit(planted("collusion"), "Buyers and seller share devices");
    cases.negative = await submit(
      labels.subjects.find((s) => s.kind.startsWith("hard_negative"))?.subject.id ??
        (labels.subjects.filter((s) => s.kind === "ordinary")[1]?.subject.id as string),
      "A sudden spike of orders",
    );
    cases.hostile = await submit(hostileSeller, 'Routine check <img src=x onerror="alert(2)">');
    for (const id of Object.values(cases)) await waitForCase(api, api.keys.analyst, id);
    browser = await launchChromium(chromium as string);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
    await signIn(page, api.keys.analyst);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await t?.dispose();
  });

  it("sends a visitor without a session to sign in, refuses a wrong key, and signs in and out", async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${api.url}/console`);
    expect(new URL(p.url()).pathname).toBe("/console/sign-in");
    await p.getByLabel("API key (analyst or admin)").fill("chk_aaaaaaaaaaaa_not-a-real-secret");
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByRole("alert").textContent()).resolves.toMatch(
      /not a casehound API key|not valid/,
    );
    await signIn(p, api.keys.analyst);
    await expect(p.getByRole("heading", { name: "Review queue" }).isVisible()).resolves.toBe(true);
    const cookie = (await fresh.cookies()).find((c) => c.name === "casehound_console");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/console" });
    await p.getByRole("button", { name: "Sign out" }).click();
    await p.waitForURL(/\/console\/sign-in$/);
    await p.goto(`${api.url}/console`);
    expect(new URL(p.url()).pathname).toBe("/console/sign-in");
    // The old cookie, replayed by hand, is dead too: the session ended on the server.
    const replayed = await fetch(`${api.url}/console`, {
      headers: { cookie: `casehound_console=${cookie?.value}` },
      redirect: "manual",
    });
    expect(replayed.status).toBe(303);
    await fresh.close();
  });

  it("refuses a service key at sign-in", async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${api.url}/console/sign-in`);
    await p.getByLabel("API key (analyst or admin)").fill(api.keys.service);
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByRole("alert").textContent()).resolves.toMatch(
      /Service keys cannot sign in/,
    );
    await fresh.close();
  });

  it("shows the queue with counts and filters it by decision", async () => {
    await page.goto(`${api.url}/console`);
    const counts = await page.getByRole("list", { name: "Counts" }).textContent();
    expect(counts).toMatch(/decided: \d+/);
    expect(await page.locator("#queue tbody tr").count()).toBe(4);
    await page.screenshot({ path: screenshotPath("queue.png"), fullPage: true });
    await page.getByLabel("Decision").selectOption("not_fraud");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/decision=not_fraud/);
    const decisions = await page.locator("#queue tbody tr td:nth-child(3)").allTextContents();
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d === "not fraud")).toBe(true);
    await page.getByLabel("Decision").selectOption("fraud");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/decision=fraud/);
    const fraud = await page.locator("#queue tbody tr td:nth-child(3)").allTextContents();
    expect(fraud.length).toBeGreaterThan(0);
    expect(fraud.every((d) => d === "fraud")).toBe(true);
    expect(fraud.length + decisions.length).toBeLessThanOrEqual(4);
  });

  it("walks the queue with the keyboard and opens a case with Enter", async () => {
    await page.goto(`${api.url}/console?sort=risk`);
    const links = page.locator("#queue tbody a.open-case");
    const second = await links.nth(1).getAttribute("href");
    await links.first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await links.nth(1).evaluate((a) => a.ownerDocument.activeElement === a)).toBe(true);
    expect(await page.locator("#queue tr.selected").count()).toBe(1);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${api.url}${second}`);
  });

  it("assigns a case from the queue, then hands out the next unassigned case, each recorded in its chain", async () => {
    await page.goto(`${api.url}/console?sort=risk`);
    const row = page.locator(`#queue tr[data-case='${cases.hostile}']`);
    await row.getByRole("button", { name: /^Assign .* to me$/ }).click();
    await page.waitForURL(`${api.url}/console/cases/${cases.hostile}`);
    await expect(page.getByLabel("Verdict").textContent()).resolves.toMatch(
      /Assigned to\s*test-analyst/,
    );
    await page.getByRole("button", { name: "Next unassigned case" }).click();
    await page.waitForURL(/\/console\/cases\/[\w-]+$/);
    const next = new URL(page.url()).pathname.split("/").at(-1) as string;
    expect(Object.values(cases)).toContain(next);
    expect(next).not.toBe(cases.hostile);
    const kinds = (await readAuditChain(t.db, next)).map((e) => e.kind);
    expect(kinds.at(-1)).toBe("case_assigned");
    await page.goto(`${api.url}/console`);
    const assignees = await page.locator("#queue tbody tr td:last-child").allTextContents();
    expect(assignees.filter((a) => a.includes("test-analyst"))).toHaveLength(2);
  });

  it("opens a case and shows its verdict, its score breakdown drawn as a chart, and its evidence", async () => {
    await page.goto(`${api.url}/console/cases/${cases.brushing}`);
    await expect(page.getByLabel("Verdict").textContent()).resolves.toMatch(/Decision\s*fraud/);
    await page.waitForSelector("canvas[data-breakdown][data-drawn='true']");
    expect(await page.locator("table.contributions").count()).toBeGreaterThan(0);
    const rows = await page.locator("table.evidence > tbody > tr").count();
    expect(rows).toBeGreaterThan(3);
    // Indicator evidence says where the reading stands among the category's sellers.
    const peers = await page
      .locator("table.evidence > tbody > tr > td:nth-child(4)")
      .allTextContents();
    expect(peers.some((p) => /\b\d{1,3}(st|nd|rd|th) percentile/.test(p))).toBe(true);
    expect(peers.join(" ")).not.toMatch(/\d\.\d{8,}/);
    // Every finding's evidence link lands on a row of the evidence table.
    const targets = await page
      .locator("#findings a[href^='#ev_']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")?.slice(1)));
    expect(targets.length).toBeGreaterThan(0);
    for (const id of targets) expect(await page.locator(`tr[id='${id}']`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath("case.png"), fullPage: false });
    await page.screenshot({ path: screenshotPath("case-full.png"), fullPage: true });
  });

  it("reviews a case: the chain grows by the review and verifies, and the replay is identical", async () => {
    const before = (await readAuditChain(t.db, cases.brushing)).length;
    await page.goto(`${api.url}/console/cases/${cases.brushing}`);
    await page.getByRole("button", { name: "Verify the chain again" }).click();
    await expect(page.locator("#verification").textContent()).resolves.toContain(
      `audit chain verified ${before} events`,
    );
    await page.getByLabel("Reason").fill("Ring of new buyers confirmed by hand");
    await page.getByRole("button", { name: "Record the review" }).click();
    await page.waitForURL(/reviewed=1/);
    await expect(page.getByLabel("Verdict").textContent()).resolves.toMatch(
      /Reviewed by.*approved/,
    );
    await page.getByRole("button", { name: "Verify the chain again" }).click();
    await expect(page.locator("#verification").textContent()).resolves.toContain(
      `audit chain verified ${before + 1} events`,
    );
    expect(await page.locator("#timeline").getAttribute("data-events")).toBe(String(before + 1));
    await expect(page.locator("#timeline").textContent()).resolves.toContain("review by analyst:");
    await page.getByRole("button", { name: "Replay the run" }).click();
    await page.waitForSelector("#replay .message");
    await expect(page.locator("#replay").textContent()).resolves.toContain("Replay identical");
  });

  it("refuses a review from a stale page with a clear message", async () => {
    await page.goto(`${api.url}/console/cases/${cases.negative}`);
    // Meanwhile the case gets a newer verdict (a re-run): the page still shows the old one.
    const stored = await t.db.query<{ run_id: string; verdict: Record<string, unknown> }>(
      "SELECT run_id, verdict FROM casehound.verdicts WHERE case_id = $1",
      [cases.negative],
    );
    const old = stored.rows[0] as { run_id: string; verdict: Record<string, unknown> };
    const newer = { ...old.verdict, risk_score: 0.5 };
    const runId = `${old.run_id}-rerun`;
    await t.db.query(
      `INSERT INTO casehound.runs (run_id, case_id, attempt, status, started_at, ended_at)
       VALUES ($1, $2, 99, 'decided', now(), now())`,
      [runId, cases.negative],
    );
    await t.db.query(
      `INSERT INTO casehound.verdicts (run_id, case_id, verdict, verdict_hash, created_at)
       VALUES ($1, $2, $3, $4, now() + interval '1 second')`,
      [runId, cases.negative, newer, hashOf(newer)],
    );
    await page.getByLabel("Reason").fill("Looks fine");
    await page.getByRole("button", { name: "Record the review" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("This page is stale");
    expect(await listReviews(t.db, cases.negative)).toEqual([]);
  });

  it("renders a hostile shop description as inert text: no dialog, no script, no request", async () => {
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${api.url}/console/cases/${cases.hostile}`);
    await page.waitForLoadState("networkidle");
    const quoted = await page.locator("#description pre").first().textContent();
    expect(quoted).toContain("<script>window.__pwned = 1;");
    expect(quoted).toContain("onerror=");
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(
      await page.locator("#description img, #description script, #description svg").count(),
    ).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => /evil|\/x$/.test(u))).toEqual([]);
    expect(requests.every((u) => u.startsWith(api.url))).toBe(true);
    page.removeAllListeners("dialog");
    page.removeAllListeners("request");
  });

  it("draws the seller's link graph with Cytoscape and lists each edge's rows", async () => {
    await page.goto(`${api.url}/console/cases/${cases.collusion}/links`);
    await page.waitForSelector("#graph[data-drawn]");
    const drawn = Number(await page.locator("#graph").getAttribute("data-drawn"));
    expect(drawn).toBeGreaterThan(2);
    const data = JSON.parse((await page.locator("#graph-data").textContent()) as string) as {
      nodes: { kind: string }[];
    };
    expect(data.nodes.filter((n) => n.kind === "buyer").length).toBeGreaterThan(0);
    expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("links.png"), fullPage: false });
  });

  it("shows every page without a script error or a refusal of the Content-Security-Policy", () => {
    // The stale review's page is answered 409 on purpose; Chromium logs that status too.
    const expected = /\/review: Failed to load resource: .* status of 409/;
    expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
  });

  it("labels every control and keeps text contrast at WCAG AA, at 1280 px without sideways scrolling", async () => {
    for (const path of [
      "/console",
      `/console/cases/${cases.brushing}`,
      `/console/cases/${cases.collusion}/links`,
      "/console/submit",
      "/console/batches",
    ]) {
      await page.goto(`${api.url}${path}`);
      expect(await page.evaluate(CONTRAST_FAILURES), path).toEqual([]);
      const unlabelled = await page
        .locator("input:not([type=hidden]), select, textarea, button")
        .evaluateAll((controls) =>
          controls
            .filter((c) => {
              const id = c.getAttribute("id");
              const labelled = id && c.ownerDocument.querySelector(`label[for='${id}']`);
              const named =
                c.getAttribute("aria-label") || (c.tagName === "BUTTON" && c.textContent?.trim());
              return !labelled && !named;
            })
            .map((c) => c.outerHTML.slice(0, 80)),
        );
      expect(unlabelled, path).toEqual([]);
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it("serves pages under a Content-Security-Policy without inline script", async () => {
    const answer = await fetch(`${api.url}/console/sign-in`);
    const csp = answer.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    const body = await answer.text();
    // Every script is a local file; the only inline <script> elements carry JSON data.
    for (const [, attrs] of body.matchAll(/<script([^>]*)>/g))
      expect(attrs).toMatch(/src="\/console\/assets\/|type="application\/json"/);
  });

  it("refuses a form posted without the session's CSRF token", async () => {
    const s = await signedInFetch(api.url, api.keys.analyst);
    const detail = await (await s.get(`/console/cases/${cases.collusion}`)).text();
    const hash = /name="verdict_hash" value="([0-9a-f]{64})"/.exec(detail)?.[1] as string;
    const form = { outcome: "approved", reason: "forged", verdict_hash: hash };
    expect((await s.post(`/console/cases/${cases.collusion}/review`, form)).status).toBe(403);
    expect(
      (await s.post(`/console/cases/${cases.collusion}/review`, { ...form, _csrf: "x".repeat(43) }))
        .status,
    ).toBe(403);
    expect((await s.post(`/console/cases/${cases.collusion}/assign`, {})).status).toBe(403);
    expect(await listReviews(t.db, cases.collusion)).toEqual([]);
    // The same form with the token goes through: the refusal was the token's.
    const ok = await s.post(`/console/cases/${cases.collusion}/review`, { ...form, _csrf: s.csrf });
    expect(ok.status).toBe(303);
    expect(await listReviews(t.db, cases.collusion)).toHaveLength(1);
  });

  it("follows a waiting case's timeline live, without a reload", async () => {
    const seller = labels.subjects.filter((s) => s.kind === "ordinary")[2]?.subject.id as string;
    const { case: waiting } = await createCase(
      t.db,
      { subject: { type: "seller", id: seller }, allegation: "left waiting" },
      { actor: "test" },
    );
    await page.goto(`${api.url}/console/cases/${waiting.id}`);
    const before = Number(await page.locator("#timeline").getAttribute("data-events"));
    await t.db.transaction((tx) =>
      appendAuditEvent(tx, waiting.id, {
        at: new Date().toISOString(),
        actor: "test",
        kind: "plan",
        payload: { note: "appended while the page is open" },
      }),
    );
    // The sweeper may start the case meanwhile: more events are welcome, ours must be there.
    await page
      .locator("#timeline")
      .filter({ hasText: "plan by test" })
      .waitFor({ timeout: 10_000 });
    expect(Number(await page.locator("#timeline").getAttribute("data-events"))).toBeGreaterThan(
      before,
    );
  });

  it("starts a batch of flagged sellers, follows its progress to the end and lists its results", async () => {
    await page.goto(`${api.url}/console/batches`);
    await page.getByLabel("Lowest flag score").fill("0.5");
    await page.getByLabel("At most this many sellers").fill("3");
    await page.getByRole("button", { name: "Start the batch" }).click();
    await page.waitForURL(/\/console\/batches\/[\w-]+$/);
    // The progress box refreshes itself (htmx) until the batch finishes.
    await page
      .locator("[id^='progress-']")
      .filter({ hasText: "finished" })
      .waitFor({ timeout: 150_000 });
    // Results and clusters refresh with it: once the clusters are in, every row is settled.
    await page
      .locator("#batch-live")
      .filter({ hasNotText: "Clusters are computed once" })
      .waitFor({ timeout: 60_000 });
    const rows = page.locator("#batch-live table").first().locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const states = await rows.locator("td:nth-child(3)").allTextContents();
    expect(
      states.every((state) => ["decided", "reviewed", "failed", "rejected"].includes(state)),
    ).toBe(true);
    const rowCount = await rows.count();
    const batchId = new URL(page.url()).pathname.split("/").at(-1) as string;
    await page.getByRole("link", { name: "its cases in the queue" }).click();
    await page.waitForURL(new RegExp(`batch=${batchId}`));
    expect(await page.locator("#queue tbody tr").count()).toBe(rowCount);
  }, 180_000);

  it("overrides a verdict with a decision and a reason, and says what is missing when no decision is named", async () => {
    await page.goto(`${api.url}/console/cases/${cases.brushing}`);
    await page.getByLabel("Override it with").check();
    await page.getByLabel("Reason").fill("Second look: the buyers are a university club");
    await page.getByRole("button", { name: "Record the review" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/not recorded.*override/);
    await page.getByLabel("Override it with").check();
    await page.getByLabel("Decision that stands instead").selectOption("suspicious");
    await page.getByLabel("Reason").fill("Second look: the buyers are a university club");
    await page.getByRole("button", { name: "Record the review" }).click();
    await page.waitForURL(/reviewed=1/);
    await expect(page.getByLabel("Verdict").textContent()).resolves.toMatch(
      /Reviewed by.*overridden → suspicious/,
    );
    expect((await listReviews(t.db, cases.brushing)).at(-1)).toMatchObject({
      outcome: "overridden",
      decision: "suspicious",
    });
  });

  it("submits a case from the form through intake and opens its page", async () => {
    const seller = labels.subjects.find((s) => s.kind === "collusion" && s.role === "ring_member")
      ?.subject.id as string;
    await page.goto(`${api.url}/console/submit`);
    await page.getByLabel("Subject id").fill(seller);
    await page.getByLabel("Allegation").fill("Shares a payout account with <b>another</b> shop");
    await page.getByLabel("collusion").check();
    await page.getByRole("button", { name: "Submit the case" }).click();
    await page.waitForURL(/\/console\/cases\/[\w-]+$/);
    const id = new URL(page.url()).pathname.split("/").at(-1) as string;
    await expect(page.locator("main").textContent()).resolves.toContain(
      "Shares a payout account with <b>another</b> shop",
    );
    const stored = await waitForCase(api, api.keys.analyst, id);
    expect(stored).toMatchObject({
      subject: { type: "seller", id: seller },
      typologyHints: ["collusion"],
    });
  });
});
