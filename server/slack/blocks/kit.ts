// Small Block Kit constructors the message builders share. Every mrkdwn text object
// is `verbatim`, so Slack neither auto-links nor parses mentions in it; callers still
// escape what they did not write (../escape.ts) — verbatim alone does not stop <!channel>.
import type { types } from "@slack/bolt";
import { plainText } from "../escape.js";

export type Block = types.KnownBlock;

/** A message: the notification text (no untrusted text in it) and the blocks. */
export interface SlackMessageBody {
  text: string;
  blocks: Block[];
}

export const mrkdwn = (text: string): types.MrkdwnElement => ({
  type: "mrkdwn",
  text: text.length <= 3000 ? text : `${text.slice(0, 2990)}…`,
  verbatim: true,
});

export const section = (text: string): types.SectionBlock => ({
  type: "section",
  text: mrkdwn(text),
});

export const fields = (pairs: readonly [string, string][]): types.SectionBlock => ({
  type: "section",
  fields: pairs.slice(0, 10).map(([label, value]) => mrkdwn(`*${label}*\n${value}`)),
});

export const header = (text: string): types.HeaderBlock => ({
  type: "header",
  text: { type: "plain_text", text: plainText(text, 150), emoji: false },
});

export const context = (...texts: string[]): types.ContextBlock => ({
  type: "context",
  elements: texts.slice(0, 10).map(mrkdwn),
});

export const divider: types.DividerBlock = { type: "divider" };

/** An id we validated ([\w.:-]) shown as code: copyable, and nothing in it formats. */
export const code = (id: string): string => `\`${id.replace(/`/g, "'")}\``;

/** A link to a case page when the server's public address is known, else the case id. */
export function caseLink(caseId: string, publicUrl: string | undefined): string {
  if (!publicUrl) return code(caseId);
  const url = `${publicUrl.replace(/\/$/, "")}/console/cases/${encodeURIComponent(caseId)}`;
  return `<${url}|case ${caseId.slice(0, 8)}>`;
}
