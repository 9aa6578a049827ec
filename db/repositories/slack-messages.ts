// The Slack bot's bookkeeping (migration 0019): the one message each Slack
// investigation is shown in, and the batches whose summary was posted. Claims are
// INSERT … ON CONFLICT DO NOTHING, so of two deliveries of the same command (a
// retry, a replay) or two processes finishing the same batch, exactly one posts.
import type { Queryable } from "../types.js";

export interface SlackMessage {
  caseId: string;
  channel: string;
  /** Slack's timestamp of the posted message; null while it is being posted. */
  ts: string | null;
  requestedBy: string;
}

interface Row {
  case_id: string;
  channel: string;
  ts: string | null;
  requested_by: string;
}

const toMessage = (r: Row): SlackMessage => ({
  caseId: r.case_id,
  channel: r.channel,
  ts: r.ts,
  requestedBy: r.requested_by,
});

/** Claims the case's message; false when it was claimed before (nothing to post). */
export async function claimSlackMessage(
  db: Queryable,
  claim: { caseId: string; channel: string; requestedBy: string },
  now: Date,
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO casehound.slack_messages (case_id, channel, requested_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $4) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [claim.caseId, claim.channel, claim.requestedBy, now.toISOString()],
  );
  return rows.length === 1;
}

/** Records where the message landed (its channel may differ from the claim's: a fallback). */
export async function setSlackMessageTs(
  db: Queryable,
  caseId: string,
  at: { channel: string; ts: string },
  now: Date,
): Promise<void> {
  await db.query(
    "UPDATE casehound.slack_messages SET channel = $2, ts = $3, updated_at = $4 WHERE case_id = $1",
    [caseId, at.channel, at.ts, now.toISOString()],
  );
}

export async function slackMessageOf(db: Queryable, caseId: string): Promise<SlackMessage | null> {
  const { rows } = await db.query<Row>(
    "SELECT case_id, channel, ts, requested_by FROM casehound.slack_messages WHERE case_id = $1",
    [caseId],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

/** Records the case status the message now shows. */
export async function setSlackMessageShown(
  db: Queryable,
  caseId: string,
  status: string,
  now: Date,
): Promise<void> {
  await db.query(
    "UPDATE casehound.slack_messages SET shown_status = $2, updated_at = $3 WHERE case_id = $1",
    [caseId, status, now.toISOString()],
  );
}

/**
 * Posted messages that are behind their case: still running, or moved on since the
 * message was last updated (a verdict that landed while no bot was running). A
 * restarted bot follows them again, the newest first.
 */
export async function openSlackMessages(db: Queryable, limit = 200): Promise<SlackMessage[]> {
  const { rows } = await db.query<Row>(
    `SELECT m.case_id, m.channel, m.ts, m.requested_by
       FROM casehound.slack_messages m JOIN casehound.cases c ON c.case_id = m.case_id
      WHERE m.ts IS NOT NULL
        AND (c.status IN ('queued', 'running') OR m.shown_status IS DISTINCT FROM c.status)
      ORDER BY m.created_at DESC LIMIT ${Number(limit)}`,
  );
  return rows.map(toMessage);
}

/** Claims a batch's summary post; false when another process posted (or is posting) it. */
export async function claimBatchPost(
  db: Queryable,
  batchId: string,
  channel: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO casehound.slack_batch_posts (batch_id, channel, posted_at) VALUES ($1, $2, $3)
     ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id`,
    [batchId, channel, now.toISOString()],
  );
  return rows.length === 1;
}
