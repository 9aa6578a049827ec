import { describe, expect, it } from "vitest";
import { Html, html, jsonData } from "../../../../server/console/html.js";

describe("console html", () => {
  it("escapes every interpolated string, so seller text never becomes markup", () => {
    const seller = `<script>alert(1)</script><img src=x onerror="go()"> ' &`;
    const out = html`<p title="${seller}">${seller}</p>`.text;
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).not.toMatch(/title="[^"]*"[^>]*onerror/);
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;go()&quot;&gt; &#39; &amp;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;go()&quot;&gt; &#39; &amp;</p>',
    );
  });

  it("keeps nested Html, joins lists, and drops null, undefined and false", () => {
    const items = ["<a>", "b"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.text).toBe(
      "<ul><li>&lt;a&gt;</li><li>b</li></ul>0",
    );
    expect(html`${new Html("<b>ours</b>")}`.text).toBe("<b>ours</b>");
  });

  it("drops control and bidirectional-override characters from text", () => {
    expect(html`${"a\u202Eb\u0007c\nd"}`.text).toBe("abc\nd");
  });

  it("carries JSON data that no string inside can close or comment out", () => {
    const out = jsonData("d", { text: "</script><script>alert(1)</script><!--" }).text;
    expect(out.match(/<\/script>/g)).toHaveLength(1);
    expect(out).not.toContain("<!--");
    const json = out.slice(out.indexOf(">") + 1, out.lastIndexOf("<"));
    expect(JSON.parse(json)).toEqual({ text: "</script><script>alert(1)</script><!--" });
  });
});
