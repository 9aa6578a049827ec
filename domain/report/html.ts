// The report as a standalone HTML page (GET /v1/cases/:id/report, Accept: text/html).
// Every character of text is HTML-escaped where it is placed, so text a seller wrote
// can never become markup or script; untrusted text is also set apart visibly.
import {
  type Block,
  flat,
  type Line,
  type ReportDocument,
  type Span,
  withoutControls,
} from "./document.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

function span(s: Span): string {
  if (typeof s === "string") return escapeHtml(s);
  if ("strong" in s) return `<strong>${escapeHtml(s.strong)}</strong>`;
  if ("untrusted" in s) return `<span class="untrusted">${escapeHtml(flat(s.untrusted))}</span>`;
  return `<code>${escapeHtml(s.code)}</code>`;
}

const line = (l: Line) => l.map(span).join("");

function block(b: Block): string {
  switch (b.kind) {
    case "lines":
      return `<p>${b.lines.map(line).join("<br>")}</p>`;
    case "note":
      return `<blockquote>${line(b.line)}</blockquote>`;
    case "list":
      return `<ul>${b.items
        .map(
          (item) =>
            `<li>${line(item.line)}${item.sub?.length ? `<ul>${item.sub.map((s) => `<li>${line(s)}</li>`).join("")}</ul>` : ""}</li>`,
        )
        .join("")}</ul>`;
    case "table":
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((c) => `<td>${line(c)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
    case "quote":
      return `<figure class="untrusted"><figcaption>${escapeHtml(b.label)}</figcaption><pre>${escapeHtml(withoutControls(b.text))}</pre></figure>`;
  }
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
code{background:#f2f2f2;padding:0 .2rem;border-radius:3px;word-break:break-all}
blockquote{border-left:4px solid #c77;margin:0;padding:.2rem 1rem;background:#fff6f6}
.untrusted{background:#fff8e1}figure.untrusted{margin:0;padding:.2rem 1rem;border-left:4px solid #d9a400}
figcaption{font-size:.85rem;color:#6b5300}pre{white-space:pre-wrap;margin:.3rem 0}`;

export function reportHtml(doc: ReportDocument): string {
  const body = [`<h1>${escapeHtml(doc.title)}</h1>`, ...doc.summary.map(block)];
  for (const section of doc.sections) {
    const h = section.level === 3 ? "h3" : "h2";
    body.push(`<${h}>${escapeHtml(section.heading)}</${h}>`, ...section.blocks.map(block));
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head>
<body>
${body.join("\n")}
</body></html>
`;
}
