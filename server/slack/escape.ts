// Text the bot did not write, made safe for Slack. Slack reads `<…>` as a mention,
// a broadcast (<!channel>) or a link, and *, _, ~ and ` as formatting, so any text
// from a seller, a buyer, a web page or a Slack user is escaped before it lands in a
// mrkdwn field: &, < and > as Slack's own entities (no control sequence survives),
// the formatting marks swapped for look-alikes that Slack does not read, bare
// @channel/@here and URLs defanged so nothing pings or links. Seller-written text is
// then shown as a quote, line by line, cut to a bound.

/** Formatting marks and their inert look-alikes. */
const LOOKALIKES: Record<string, string> = {
  "*": "\u2217", // ∗ asterisk operator
  _: "\uFF3F", // ＿ full-width low line
  "~": "\u223C", // ∼ tilde operator
  "`": "\u02CB", // ˋ modifier letter grave accent
};

/** Escapes text for a mrkdwn field: it reads as written and cannot ping, link or format. */
export function escapeMrkdwn(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[*~`]/g, (mark) => LOOKALIKES[mark] as string)
      // An underscore inside a word (snake_case ids) never opens or closes italics in
      // Slack and stays copyable; one at a word's edge could, and is swapped.
      .replace(/_/g, (mark, at: number, all: string) =>
        /[\p{L}\p{N}]/u.test(all[at - 1] ?? "") && /[\p{L}\p{N}]/u.test(all[at + 1] ?? "")
          ? mark
          : (LOOKALIKES[mark] as string),
      )
      // A bare broadcast is not parsed in bot messages, but a full-width @ makes sure.
      .replace(/@(?=(channel|here|everyone)\b)/gi, "\uFF20")
      // Slack turns bare URLs and domains into links; defanged, they stay words.
      .replace(
        /\b(https?|ftp)(:\/\/)/gi,
        (_m, scheme: string) => `${scheme.replace(/t/gi, "x")}[:]//`,
      )
      .replace(/\bwww\./gi, "www[.]")
  );
}

/** Escapes text for a plain_text field (buttons, modal titles): only length matters there. */
export function plainText(text: string, max = 75): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Cuts text to `max` characters (on a word when it can), marking the cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${space > max * 0.6 ? head.slice(0, space) : head}…`;
}

/**
 * Untrusted text as a mrkdwn quote: escaped, every line prefixed with `>`, blank lines
 * dropped, cut to `max` characters before escaping (so an entity is never split).
 */
export function quoteUntrusted(text: string, max = 500): string {
  const lines = cut(text.replace(/\r\n?/g, "\n"), max)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 0) return ">(empty)";
  return lines.map((line) => `>${escapeMrkdwn(line)}`).join("\n");
}
