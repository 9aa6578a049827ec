// Approve and Override from a verdict message. A review goes through the same use
// case as the console's and the API's (recordReview): bound to the verdict hash the
// message showed, appended to the audit chain with the Slack user as reviewer. A
// stale message (the verdict changed since) gets a clear ephemeral answer; a
// recorded review updates the message to show who reviewed it. Only analysts review.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { getCaseDetail } from "../../../db/repositories/case-views.js";
import { recordReview } from "../../../db/repositories/reviews.js";
import { setSlackMessageShown } from "../../../db/repositories/slack-messages.js";
import { AppError } from "../../../domain/errors.js";
import type { Decision } from "../../../domain/verdict.js";
import { OVERRIDE_CALLBACK, overrideModal, parseOverride } from "../blocks/override-modal.js";
import {
  APPROVE_ACTION,
  decodeTarget,
  OVERRIDE_ACTION,
  type ReviewTarget,
} from "../blocks/verdict.js";
import { type BotDeps, REFUSAL, slackActor, VIEWER_REFUSAL } from "../deps.js";
import { escapeMrkdwn } from "../escape.js";
import { renderCase } from "../render.js";

interface Where {
  channel: string;
  ts: string;
  userId: string;
  teamId: string | undefined;
  handle: string | undefined;
}

const STALE =
  "This message is stale: the verdict changed since it was posted, so your review was not recorded. Run `/casehound status <case id>` or open the case, read the current verdict and review again.";

function whereOf(body: BlockAction): Where | null {
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  if (!channel || !ts) return null;
  return { channel, ts, userId: body.user.id, teamId: body.team?.id, handle: body.user.username };
}

async function tell(deps: BotDeps, where: { channel: string; userId: string }, text: string) {
  await deps.client.chat.postEphemeral({
    channel: where.channel,
    user: where.userId,
    text: escapeMrkdwn(text),
  });
}

async function review(
  deps: BotDeps,
  where: Where,
  target: ReviewTarget,
  outcome: { outcome: "approved" } | { outcome: "overridden"; decision: Decision; reason: string },
): Promise<void> {
  try {
    await recordReview(
      deps.db,
      target.caseId,
      {
        reviewer: slackActor(where.teamId, where.userId, where.handle),
        outcome: outcome.outcome,
        ...(outcome.outcome === "overridden" ? { decision: outcome.decision } : {}),
        reason: outcome.outcome === "overridden" ? outcome.reason : "Approved from Slack",
        verdictHash: target.verdictHash,
      },
      deps.now(),
    );
  } catch (error) {
    if (!(error instanceof AppError) || !["conflict", "bad_argument"].includes(error.code))
      throw error;
    const stale = error.code === "conflict" && /names verdict/.test(error.message);
    await tell(deps, where, stale ? STALE : `The review was not recorded: ${error.message}`);
    return;
  }
  deps.events?.notify(target.caseId);
  const rendered = await renderCase(deps.db, deps.masks, target.caseId, {
    requestedBy: where.userId,
    publicUrl: deps.settings.publicUrl,
  });
  if (!rendered) return;
  await deps.client.chat.update({ channel: where.channel, ts: where.ts, ...rendered.message });
  await setSlackMessageShown(deps.db, target.caseId, rendered.detail.status, deps.now());
}

export function registerReview(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction>>(APPROVE_ACTION, async ({ ack, body, action }) => {
    await ack();
    const where = whereOf(body);
    const target = decodeTarget(action.value);
    if (!where || !target) return;
    const role = await deps.access.role(where.userId);
    if (role !== "analyst") return tell(deps, where, role ? VIEWER_REFUSAL : REFUSAL);
    await review(deps, where, target, { outcome: "approved" });
  });

  app.action<BlockAction<ButtonAction>>(OVERRIDE_ACTION, async ({ ack, body, action }) => {
    await ack();
    const where = whereOf(body);
    const target = decodeTarget(action.value);
    if (!where || !target) return;
    const role = await deps.access.role(where.userId);
    if (role !== "analyst") return tell(deps, where, role ? VIEWER_REFUSAL : REFUSAL);
    const detail = await getCaseDetail(deps.db, target.caseId);
    if (!detail?.verdict || detail.verdictHash !== target.verdictHash)
      return tell(deps, where, STALE);
    await deps.client.views.open({
      trigger_id: body.trigger_id,
      view: overrideModal(
        { ...target, channel: where.channel, ts: where.ts },
        {
          decision: detail.verdict.decision,
          subject: `${detail.subject.type} ${detail.subject.id}`,
        },
      ),
    });
  });

  app.view(OVERRIDE_CALLBACK, async ({ ack, body, view }) => {
    const submission = parseOverride(view);
    if (!submission.ok) return ack({ response_action: "errors", errors: submission.errors });
    const userId = body.user.id;
    const role = await deps.access.role(userId);
    if (role !== "analyst")
      return ack({
        response_action: "errors",
        errors: { decision: role ? VIEWER_REFUSAL : REFUSAL },
      });
    await ack();
    const { at } = submission;
    await review(
      deps,
      { channel: at.channel, ts: at.ts, userId, teamId: body.team?.id, handle: body.user.name },
      at,
      { outcome: "overridden", decision: submission.decision, reason: submission.reason },
    );
  });
}
