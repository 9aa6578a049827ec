import { describe, expect, it } from "vitest";
import { cut, escapeMrkdwn, quoteUntrusted } from "../../../server/slack/escape.js";

describe("escaping text the bot did not write", () => {
  it("turns Slack's control sequences into entities so nothing pings or links", () => {
    const out = escapeMrkdwn(
      "hi <!channel> <!here> <@U123ABC> <#C999|general> <https://evil.example|free money> & more",
    );
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain("&lt;!channel&gt;");
    expect(out).toContain("&lt;@U123ABC&gt;");
    expect(out).toContain("&amp; more");
  });

  it("escapes an ampersand first, so an entity the seller typed stays visible text", () => {
    expect(escapeMrkdwn("&lt;!channel&gt;")).toBe("&amp;lt;!channel&amp;gt;");
  });

  it("swaps formatting marks for look-alikes Slack does not read", () => {
    const out = escapeMrkdwn("*bold* _italic_ ~strike~ `code` ```block```");
    expect(out).not.toMatch(/[*_~`]/);
    expect(out).toContain("\u2217bold\u2217");
    // Inside a word an underscore cannot format, so ids stay as they are.
    expect(escapeMrkdwn("new_buyer_share slr_42 _x_")).toBe("new_buyer_share slr_42 \uFF3Fx\uFF3F");
  });

  it("defangs bare URLs, www. hosts and bare broadcasts", () => {
    const out = escapeMrkdwn(
      "visit https://phish.example/login or www.evil.example, @channel @here",
    );
    expect(out).not.toContain("https://");
    expect(out).toContain("hxxps[:]//phish.example/login");
    expect(out).toContain("www[.]evil.example");
    expect(out).not.toMatch(/@(channel|here)/);
  });

  it("quotes untrusted text line by line, drops blank lines and cuts it before escaping", () => {
    const quoted = quoteUntrusted("first <!channel>\n\n  second line  \r\nthird", 500);
    expect(quoted.split("\n")).toEqual([">first &lt;!channel&gt;", ">second line", ">third"]);
    const long = quoteUntrusted(`${"word ".repeat(200)}<!channel>`, 100);
    expect(long.length).toBeLessThan(110);
    expect(long).not.toContain("channel");
    expect(quoteUntrusted("   ")).toBe(">(empty)");
  });

  it("cuts on a word when it can, and marks the cut", () => {
    expect(cut("short", 10)).toBe("short");
    expect(cut("one two three four five", 16)).toBe("one two three…");
    // A cut that would lose much of the room to find a space cuts mid-word instead.
    expect(cut("one two three four five", 12)).toBe("one two thr…");
  });
});
