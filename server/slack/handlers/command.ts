// `/casehound …`: acknowledged at once (Slack waits 3 s at most), then answered.
// Reads (help, status, seller, queue) are answered in the acknowledgement, seen
// only by the person who asked. An investigation is submitted through the one
// intake with the command's trigger id as its idempotency key — a retried or
// replayed command names the same case and never starts a second one — and shown
// in one message the watcher keeps current until the verdict lands.
import type { App, RespondFn, SlashCommand as SlackCommand } from "@slack/bolt";
import { getCaseDetail, listCaseSummaries } from "../../../db/repositories/case-views.js";
import { readQueue } from "../../../db/repositories/console-queue.js";
import {
  claimSlackMessage,
  setSlackMessageShown,
  setSlackMessageTs,
} from "../../../db/repositories/slack-messages.js";
import { isAppError } from "../../../domain/errors.js";
import { flagsOf } from "../../batch/flags.js";
import { submitCase } from "../../intake.js";
import type { SlackMessageBody } from "../blocks/kit.js";
import { helpMessage, queueMessage, sellerMessage, statusMessage } from "../blocks/lists.js";
import { parseCommand, type SlashCommand } from "../command.js";
import { type BotDeps, REFUSAL, slackActor, VIEWER_REFUSAL } from "../deps.js";
import { escapeMrkdwn } from "../escape.js";
import { renderCase } from "../render.js";

const ephemeral = (text: string) => ({
  response_type: "ephemeral" as const,
  text: escapeMrkdwn(text),
});

export function registerCommand(app: App, deps: BotDeps): void {
  app.command("/casehound", async ({ command, ack, respond }) => {
    const role = await deps.access.role(command.user_id);
    if (!role) return ack(ephemeral(REFUSAL));
    const parsed = parseCommand(command.text ?? "");
    if (parsed.kind === "investigate") {
      if (role !== "analyst") return ack(ephemeral(VIEWER_REFUSAL));
      await ack(
        ephemeral(`Submitting an investigation of ${parsed.subject.type} ${parsed.subject.id}…`),
      );
      return investigate(deps, command, parsed, respond);
    }
    await ack({ response_type: "ephemeral", ...(await read(deps, parsed)) });
  });
}

async function read(
  deps: BotDeps,
  parsed: SlashCommand,
): Promise<SlackMessageBody | { text: string }> {
  const link = { publicUrl: deps.settings.publicUrl };
  switch (parsed.kind) {
    case "help":
      return helpMessage();
    case "invalid":
      return { text: parsed.problem };
    case "status": {
      const found = await getCaseDetail(deps.db, parsed.caseId);
      if (!found) return { text: `No case ${escapeMrkdwn(parsed.caseId)}.` };
      return statusMessage(found, await deps.masks.forCase(found.id), link);
    }
    case "seller": {
      const { cases } = await listCaseSummaries(
        deps.db,
        { subject: { type: "seller", id: parsed.sellerId } },
        { limit: 10 },
      );
      const flags = (await flagsOf(deps.warehouse, [parsed.sellerId])).get(parsed.sellerId) ?? [];
      const mask = await deps.masks.forSeller(parsed.sellerId);
      return sellerMessage(parsed.sellerId, cases, flags, mask, link);
    }
    case "queue": {
      const page = await readQueue(
        deps.db,
        { needsReview: true },
        { sort: "oldest", limit: 15, offset: 0 },
      );
      return queueMessage(page.rows, page.total, link);
    }
    default:
      return helpMessage();
  }
}

async function investigate(
  deps: BotDeps,
  command: SlackCommand,
  parsed: Extract<SlashCommand, { kind: "investigate" }>,
  respond: RespondFn,
): Promise<void> {
  let submitted: Awaited<ReturnType<typeof submitCase>>;
  try {
    submitted = await submitCase(
      deps.intake,
      { subject: parsed.subject, allegation: parsed.allegation },
      {
        actor: slackActor(command.team_id, command.user_id, command.user_name),
        source: "slack",
        // Slack gives every invocation its own trigger id, and a retry or a replay the same one.
        idempotencyKey: `slack:${command.team_id}:${command.trigger_id}`,
        clientKey: command.trigger_id,
      },
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    await respond(ephemeral(`The investigation was not started: ${error.message}`));
    return;
  }
  const caseId = submitted.case.id;
  const claimed = await claimSlackMessage(
    deps.db,
    { caseId, channel: command.channel_id, requestedBy: command.user_id },
    deps.now(),
  );
  if (!claimed) {
    await respond(
      ephemeral(
        `This command was already submitted as case ${caseId}; its message follows the run.`,
      ),
    );
    return;
  }
  const rendered = await renderCase(deps.db, deps.masks, caseId, {
    requestedBy: command.user_id,
    publicUrl: deps.settings.publicUrl,
  });
  if (!rendered) throw new Error(`case ${caseId} vanished after it was stored`);
  const posted = await post(deps, command.channel_id, rendered.message);
  if (!posted) {
    await respond(
      ephemeral(
        `Case ${caseId} was submitted, but I cannot post in this channel: invite me, or set CASEHOUND_SLACK_CHANNEL.`,
      ),
    );
    return;
  }
  await setSlackMessageTs(deps.db, caseId, posted, deps.now());
  await setSlackMessageShown(deps.db, caseId, rendered.detail.status, deps.now());
  if (posted.channel !== command.channel_id)
    await respond(
      ephemeral(
        `Case ${caseId} was submitted; I cannot post here, so its message is in the verdict channel.`,
      ),
    );
  deps.watcher.follow(
    { caseId, channel: posted.channel, ts: posted.ts, requestedBy: command.user_id },
    rendered.message.blocks,
  );
}

/** Posts in the channel, else in the verdict channel; null when neither takes the bot's messages. */
async function post(
  deps: BotDeps,
  channel: string,
  message: SlackMessageBody,
): Promise<{ channel: string; ts: string } | null> {
  for (const target of [channel, deps.settings.channel]) {
    if (!target) continue;
    try {
      const answer = await deps.client.chat.postMessage({ channel: target, ...message });
      if (answer.ts && answer.channel) return { channel: answer.channel, ts: answer.ts };
    } catch (error) {
      deps.logger.info(
        { channel: target, error: (error as Error).message },
        "slack: cannot post here",
      );
    }
  }
  return null;
}
