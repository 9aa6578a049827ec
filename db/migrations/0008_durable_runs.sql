-- Durable runs.
--
-- What the outside world answered during a run: every warehouse query, corpus
-- search, baseline comparison and clock reading, keyed by a hash of the request.
-- A run that resumes after a crash reads its earlier answers back instead of asking
-- again, and `casehound replay` re-runs the graph from these rows alone. `result`
-- is canonical JSON text, so `result_hash` (also in the audit chain's events) can
-- be recomputed exactly.

CREATE TABLE casehound.recordings (
  run_id       text NOT NULL REFERENCES casehound.runs (run_id),
  request_key  text NOT NULL,
  tool         text NOT NULL,
  request      text NOT NULL,
  result       text NOT NULL,
  result_hash  text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (run_id, request_key)
);

-- A running run holds a lease (owner, expiry) that its process renews; when the
-- process dies the lease expires and another process takes the run over, resuming
-- it from its last checkpoint. `takeovers` bounds how often a run that keeps
-- killing its process is retried.
ALTER TABLE casehound.runs ADD COLUMN takeovers integer NOT NULL DEFAULT 0;
CREATE INDEX runs_running_lease_idx ON casehound.runs (lease_expires_at) WHERE status = 'running';
