// The report as HTML: the document's structure as markup, and no text — ours or a
// seller's — ever turned into markup.
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../domain/report/document.js";
import { reportHtml } from "../../../domain/report/html.js";

describe("the HTML case report", () => {
  it("renders headings, tables, lists, notes, bold, code and quoted untrusted text", () => {
    const html = reportHtml({
      title: "Case 1",
      summary: [{ kind: "lines", lines: [[{ strong: "Decision: fraud" }], ["second line"]] }],
      sections: [
        {
          heading: "Findings",
          blocks: [
            { kind: "table", head: ["a", "b"], rows: [[["1"], ["2"]]] },
            { kind: "list", items: [{ line: ["item ", { code: "ev_1" }], sub: [["nested"]] }] },
            { kind: "note", line: ["partial"] },
            { kind: "quote", label: "untrusted", text: "line one\nline two" },
          ],
        },
      ],
    });
    expect(html).toContain("<h1>Case 1</h1>");
    expect(html).toContain("<p><strong>Decision: fraud</strong><br>second line</p>");
    expect(html).toContain(
      "<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody>",
    );
    expect(html).toContain("<li>item <code>ev_1</code><ul><li>nested</li></ul></li>");
    expect(html).toContain("<blockquote>partial</blockquote>");
    expect(html).toContain(
      '<figure class="untrusted"><figcaption>untrusted</figcaption><pre>line one\nline two</pre></figure>',
    );
  });

  it("never turns report text into markup, whatever a seller wrote", () => {
    const hostile = [
      '<script>alert("x")</script>',
      "<img src=x onerror=alert(1)>",
      '"><svg onload=alert(1)>',
      "`</code><script>1</script>`",
      "\\<script\\>",
      "**<b>**",
      "&lt;script&gt;",
    ];
    for (const text of hostile) {
      const doc: ReportDocument = {
        title: text,
        summary: [{ kind: "lines", lines: [[text, { untrusted: text }, { code: text }]] }],
        sections: [
          {
            heading: text,
            blocks: [
              { kind: "list", items: [{ line: [{ strong: text }], sub: [[{ untrusted: text }]] }] },
              { kind: "table", head: [text], rows: [[[{ untrusted: text }]]] },
              { kind: "quote", label: text, text },
            ],
          },
        ],
      };
      const html = reportHtml(doc);
      const body = html.slice(html.indexOf("<body>"));
      expect(body, text).not.toMatch(/<(script|img|svg|b)[\s>]/i);
      expect(html.slice(0, html.indexOf("</title>")), text).not.toMatch(/<script/i);
    }
  });
});
