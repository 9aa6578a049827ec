// "@casehound why was seller:S123 flagged?": the bot answers in a thread from the
// stored case — a case id named in the question, else the newest case of a seller
// it names. Without a model the answer is built from the case alone; with one, the
// model's short answer leads when every evidence id it cites is the case's
// (answer/llm.ts), else the offline answer stands. Anyone with a role may ask;
// anyone else gets an ephemeral refusal. Slack's retries of an event are answered once.
import type { App } from "@slack/bolt";
import { getCaseDetail, listCaseSummaries } from "../../../db/repositories/case-views.js";
import { latestVerdict } from "../../../db/repositories/runs.js";
import { modelAnswer } from "../answer/llm.js";
import { offlineAnswer } from "../answer/offline.js";
import { questionCandidates } from "../command.js";
import { type BotDeps, REFUSAL } from "../deps.js";
import { escapeMrkdwn } from "../escape.js";

const SEEN_LIMIT = 500;

async function caseOfQuestion(deps: BotDeps, text: string): Promise<string | null> {
  const { caseIds, sellerIds } = questionCandidates(text);
  for (const id of caseIds) if (await getCaseDetail(deps.db, id)) return id;
  for (const sellerId of sellerIds) {
    const { cases } = await listCaseSummaries(
      deps.db,
      { subject: { type: "seller", id: sellerId } },
      { limit: 20 },
    );
    // The newest case with a verdict, else the newest case at all.
    const found = cases.find((c) => c.decision !== null) ?? cases[0];
    if (found) return found.id;
  }
  return null;
}

export function registerMention(app: App, deps: BotDeps): void {
  const seen = new Set<string>();
  app.event("app_mention", async ({ event, body }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId) {
      if (seen.has(eventId)) return;
      seen.add(eventId);
      if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
    }
    const userId = event.user;
    if (!userId) return;
    if (!(await deps.access.may(userId, "ask"))) {
      await deps.client.chat.postEphemeral({ channel: event.channel, user: userId, text: REFUSAL });
      return;
    }
    const thread = event.thread_ts ?? event.ts;
    const caseId = await caseOfQuestion(deps, event.text);
    if (!caseId) {
      await deps.client.chat.postMessage({
        channel: event.channel,
        thread_ts: thread,
        text: "I found no case or seller with a case in that question. Name a case id or `seller:<id>`.",
      });
      return;
    }
    const detail = await getCaseDetail(deps.db, caseId);
    if (!detail) return;
    const evidence = (await latestVerdict(deps.db, caseId))?.evidence ?? [];
    const mask = await deps.masks.forCase(caseId);
    let lead: string | undefined;
    if (deps.answerModel && detail.verdict) {
      const answered = await modelAnswer(deps.answerModel, event.text, detail, evidence, mask);
      if ("answer" in answered)
        lead = `${escapeMrkdwn(mask(answered.answer.answer))}\n_Cites ${answered.answer.evidence_ids.map((id) => `\`${id}\``).join(", ")}._`;
      else
        deps.logger.info(
          { caseId, reason: answered.fallback },
          "slack: model answer refused; answering offline",
        );
    }
    const answer = offlineAnswer(detail, evidence, {
      mask,
      publicUrl: deps.settings.publicUrl,
      ...(lead ? { lead } : {}),
    });
    await deps.client.chat.postMessage({ channel: event.channel, thread_ts: thread, ...answer });
  });
}
