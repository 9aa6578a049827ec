-- Batches: a set of ordinary cases (source 'batch') submitted together — flagged
-- sellers re-reviewed, or the subjects of a file. Each case keeps its own audit
-- chain; the batch only remembers where its rows came from and which case each
-- became. A row intake refused keeps its reason (error) instead of a case, so a
-- failed row is listed, never dropped.
--
-- Cancelling a batch moves its queued cases to the new status 'cancelled': a
-- cancelled case is never claimed (runs.ts), so it never runs afterwards; cases
-- already running finish.

ALTER TABLE casehound.cases DROP CONSTRAINT cases_status_check;
ALTER TABLE casehound.cases ADD CONSTRAINT cases_status_check
  CHECK (status IN ('queued', 'running', 'decided', 'failed', 'reviewed', 'cancelled'));
ALTER TABLE casehound.cases ADD COLUMN cancelled_at timestamptz;

CREATE TABLE casehound.batches (
  batch_id         text PRIMARY KEY,
  -- scoped by the door ("api:<key id>:<key>", "cli:<key>"): one creator's key never meets another's
  idempotency_key  text UNIQUE,
  -- what the request asked for, to tell a retried create from a different one
  fingerprint      text NOT NULL,
  -- the selection ({kind: 'flagged', …criteria}) or the file ({kind: 'file', name, format})
  origin           jsonb NOT NULL,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  cancelled_at     timestamptz,
  cancelled_by     text,
  total            integer NOT NULL CHECK (total >= 0)
);
CREATE INDEX batches_created_idx ON casehound.batches (created_at DESC, batch_id DESC);

CREATE TABLE casehound.batch_cases (
  batch_id      text NOT NULL REFERENCES casehound.batches (batch_id),
  position      integer NOT NULL CHECK (position >= 1),
  subject_type  text NOT NULL CHECK (subject_type IN ('seller', 'buyer', 'order')),
  subject_id    text NOT NULL,
  allegation    text NOT NULL,
  as_of         timestamptz,
  -- the case this row became; NULL until it is submitted (or when intake refused it)
  case_id       text UNIQUE REFERENCES casehound.cases (case_id),
  -- why intake refused the row (no case was stored)
  error         text,
  PRIMARY KEY (batch_id, position)
);
CREATE INDEX batch_cases_case_idx ON casehound.batch_cases (case_id);
