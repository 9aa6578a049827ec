import { describe, expect, it } from "vitest";
import { markdownReportToHtml } from "../../../domain/report-html.js";

describe("the HTML case report", () => {
  it("renders headings, tables, lists, quotes, bold and code", () => {
    const html = markdownReportToHtml(
      "# Case 1\n\n**Decision: fraud**  \nsecond line\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item `ev_1`\n  - nested\n\n> partial\n",
      "t",
    );
    expect(html).toContain("<h1>Case 1</h1>");
    expect(html).toContain("<p><strong>Decision: fraud</strong><br>second line</p>");
    expect(html).toContain(
      "<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody>",
    );
    expect(html).toContain("<li>item <code>ev_1</code></li>");
    expect(html).toContain('<li class="nested">nested</li>');
    expect(html).toContain("<blockquote>partial</blockquote>");
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
      const html = markdownReportToHtml(`# ${text}\n\n- ${text}\n\n| ${text} |\n\n${text}\n`, text);
      const body = html.slice(html.indexOf("<body>"));
      expect(body, text).not.toMatch(/<(script|img|svg|b)[\s>]/i);
      expect(html.slice(0, html.indexOf("</title>")), text).not.toMatch(/<script/i);
    }
  });
});
