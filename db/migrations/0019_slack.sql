-- The Slack bot (server/slack/): which message shows which case, and which batch
-- summaries were posted.
--
-- An investigation started from Slack has one message that the bot updates as the
-- run progresses, then shows the verdict in, then who reviewed it. The row is
-- claimed before the message is posted (case_id is the key), so a retried or
-- replayed command that intake answers with the same case never posts a second
-- message; ts stays null until Slack has answered with the message's timestamp.
CREATE TABLE casehound.slack_messages (
  case_id       text PRIMARY KEY REFERENCES casehound.cases (case_id),
  channel       text NOT NULL,
  ts            text,
  requested_by  text NOT NULL,
  -- the case status the message last showed: a restarted bot brings up to date
  -- every message whose case has moved on since (a verdict landed while it was down)
  shown_status  text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
-- A restarted bot looks at the newest messages first.
CREATE INDEX slack_messages_created_idx ON casehound.slack_messages (created_at);

-- A finished batch's summary is posted once, whichever process finishes it first.
CREATE TABLE casehound.slack_batch_posts (
  batch_id   text PRIMARY KEY REFERENCES casehound.batches (batch_id),
  channel    text NOT NULL,
  posted_at  timestamptz NOT NULL
);
