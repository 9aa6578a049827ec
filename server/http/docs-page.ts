// GET /docs: a readable page of the API generated from the OpenAPI document — no
// scripts and nothing fetched from elsewhere, so it works offline and under a
// strict Content-Security-Policy.
import { escapeHtml } from "../../domain/report/html.js";

type Json = Record<string, unknown>;

export function renderDocsPage(spec: Json): string {
  const sections: string[] = [];
  const paths = spec.paths as Record<string, Record<string, Json>>;
  const schemas = (spec.components as Json).schemas as Json;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = ((op.parameters as Json[] | undefined) ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(String(p.name))}</code> (${escapeHtml(String(p.in))})${p.description ? ` — ${escapeHtml(String(p.description))}` : ""}</li>`,
        )
        .join("");
      const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
      const bodyRef = body ? JSON.stringify(body).match(/schemas\/(\w+)/)?.[1] : undefined;
      const responses = Object.entries(op.responses as Record<string, Json>)
        .map(([code, r]) => `<li><b>${code}</b> ${escapeHtml(String(r.description))}</li>`)
        .join("");
      sections.push(`<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(String(op.summary ?? ""))}</p>${op.description ? `<p>${escapeHtml(String(op.description))}</p>` : ""}
${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ""}
${bodyRef ? `<h3>Body: ${escapeHtml(bodyRef)}</h3><pre>${escapeHtml(JSON.stringify(schemas[bodyRef], null, 2))}</pre>` : ""}
<h3>Responses</h3><ul>${responses}</ul></section>`);
    }
  }
  const info = spec.info as Json;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>casehound API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
section{border-top:1px solid #ddd;margin-top:1.5rem}.m{background:#244;color:#fff;padding:0 .4rem;border-radius:3px}
pre{background:#f5f5f5;padding:.6rem;overflow:auto;max-height:24rem}</style></head>
<body><h1>casehound API ${escapeHtml(String(info.version))}</h1><p>${escapeHtml(String(info.description))}</p>
<p>Send <code>Authorization: Bearer &lt;key&gt;</code>. The machine-readable document is <a href="/openapi.json">/openapi.json</a>.</p>
${sections.join("\n")}
</body></html>
`;
}
