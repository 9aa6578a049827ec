// The page shell every console page shares: local styles and scripts only (the
// Content-Security-Policy allows nothing else), a skip link, the navigation, and the
// sign-out form carrying the session's CSRF token (htmx sends it as a header too).
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { Html, html, type Interpolation } from "./html.js";

export interface PageOptions {
  title: string;
  session?: ConsoleSession;
  /** Page-specific library scripts under /console/assets (chart, graph). */
  scripts?: readonly string[];
  /** Which navigation entry is the current page. */
  current?: "queue" | "submit" | "batches";
}

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
});

const CYTOSCAPE = "/console/assets/cytoscape.min.js";

/**
 * Cytoscape injects a <style> (its container's position) unless an element with this
 * id exists; the CSP would refuse that inline style, so the rule lives in console.css
 * and this marker tells Cytoscape it is there.
 */
const CYTOSCAPE_STYLE_MARKER = html`<meta id="__________cytoscape_stylesheet" name="cytoscape-style" content="console.css">`;

function nav(session: ConsoleSession, current: PageOptions["current"]): Html {
  const link = (key: PageOptions["current"], href: string, label: string) =>
    html`<a href="${href}"${current === key ? new Html(' aria-current="page"') : ""}>${label}</a>`;
  return html`<header class="top">
  <nav aria-label="Console">
    <span class="brand">casehound</span>
    ${link("queue", "/console", "Queue")}
    ${link("submit", "/console/submit", "Submit a case")}
    ${link("batches", "/console/batches", "Batches")}
  </nav>
  <form method="post" action="/console/next" class="inline">
    <input type="hidden" name="_csrf" value="${session.csrfToken}">
    <button type="submit">Next unassigned case</button>
  </form>
  <span class="who">Signed in as ${session.keyName} (${session.role})</span>
  <form method="post" action="/console/sign-out" class="inline">
    <input type="hidden" name="_csrf" value="${session.csrfToken}">
    <button type="submit">Sign out</button>
  </form>
</header>`;
}

export function page(options: PageOptions, body: Interpolation): string {
  const scripts = [
    "/console/assets/htmx.min.js",
    ...(options.scripts ?? []),
    "/console/assets/console.js",
  ];
  const headers = options.session
    ? JSON.stringify({ "X-CSRF-Token": options.session.csrfToken })
    : undefined;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content="${HTMX_CONFIG}">
<title>${options.title} · casehound console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/console.css">
${scripts.includes(CYTOSCAPE) ? CYTOSCAPE_STYLE_MARKER : ""}
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body${headers ? html` hx-headers="${headers}"` : ""}>
<a class="skip" href="#main">Skip to content</a>
${options.session ? nav(options.session, options.current) : ""}
<main id="main">
${body}
</main>
</body></html>
`.text;
}
