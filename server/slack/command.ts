// `/casehound …` parsed into what was asked. Pure: the handler decides who may do it.
//   investigate seller:<id> <allegation>   (also order:<id>, buyer:<id>)
//   status <case id> · seller <id> · queue · help
import { Subject } from "../../domain/case.js";

export type SlashCommand =
  | { kind: "help" }
  | { kind: "queue" }
  | { kind: "status"; caseId: string }
  | { kind: "seller"; sellerId: string }
  | { kind: "investigate"; subject: Subject; allegation: string }
  /** Not understood: `problem` says why, in words for the person who typed it. */
  | { kind: "invalid"; problem: string };

const CASE_ID = /^[\w.:-]{1,128}$/;

export function parseCommand(text: string): SlashCommand {
  const trimmed = text.trim();
  const [verb = "", ...rest] = trimmed.split(/\s+/);
  const args = rest.join(" ");
  switch (verb.toLowerCase()) {
    case "":
    case "help":
      return { kind: "help" };
    case "queue":
      return { kind: "queue" };
    case "status":
      return CASE_ID.test(args)
        ? { kind: "status", caseId: args }
        : { kind: "invalid", problem: "`status` needs a case id: `/casehound status <case id>`" };
    case "seller": {
      const id = args.replace(/^seller:/i, "");
      const parsed = Subject.safeParse({ type: "seller", id });
      return parsed.success
        ? { kind: "seller", sellerId: parsed.data.id }
        : { kind: "invalid", problem: "`seller` needs a seller id: `/casehound seller <id>`" };
    }
    case "investigate":
      return parseInvestigate(trimmed.slice(verb.length).trim());
    default:
      return {
        kind: "invalid",
        problem: `unknown command "${verb.slice(0, 40).replace(/[<>&*_~`]/g, "")}": try \`/casehound help\``,
      };
  }
}

function parseInvestigate(args: string): SlashCommand {
  const usage =
    "`investigate` needs a subject and an allegation: `/casehound investigate seller:<id> <what is alleged>` (or order:<id>, buyer:<id>)";
  const match = /^(\S+)\s*([\s\S]*)$/.exec(args);
  if (!match) return { kind: "invalid", problem: usage };
  const [, subjectText = "", allegation = ""] = match;
  const at = subjectText.indexOf(":");
  const subject = Subject.safeParse({
    type: subjectText.slice(0, at).toLowerCase(),
    id: subjectText.slice(at + 1),
  });
  if (at < 1 || !subject.success) return { kind: "invalid", problem: usage };
  if (allegation.trim() === "")
    return { kind: "invalid", problem: `say what is alleged after ${subjectText}. ${usage}` };
  return { kind: "investigate", subject: subject.data, allegation: allegation.trim() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a question may be about, in the order it names them: case ids (UUIDs) and
 * seller ids ("seller:slr_1", or any word shaped like an id — "why was S123 flagged?"),
 * for the handler to look up. Mentions (<@U…>) are Slack's, not the question's.
 */
export function questionCandidates(text: string): { caseIds: string[]; sellerIds: string[] } {
  const tokens = text
    .replace(/<[^>]*>/g, " ")
    .split(/[\s,;!?()"'`*]+/)
    .map((t) => t.replace(/[.:]+$/, ""))
    .filter(Boolean);
  const caseIds = tokens.filter((t) => UUID.test(t)).map((t) => t.toLowerCase());
  const sellerIds: string[] = [];
  for (const token of tokens) {
    if (UUID.test(token)) continue;
    const id = token.replace(/^seller:/i, "");
    // A plain word is a candidate only if it has a digit: "why", "was", "flagged" are not ids.
    if (
      (/^seller:/i.test(token) || /\d/.test(id)) &&
      Subject.safeParse({ type: "seller", id }).success
    )
      sellerIds.push(id);
  }
  return { caseIds: [...new Set(caseIds)], sellerIds: [...new Set(sellerIds)] };
}
