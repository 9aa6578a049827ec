-- The case store and the audit trail (schema casehound).
-- A case moves queued → running → decided | failed, then reviewed. Each attempt to
-- investigate it is a run; a run writes its evidence and at most one verdict.
-- audit_events is append-only by construction: a trigger rejects UPDATE, DELETE
-- and TRUNCATE on both engines.

CREATE TABLE casehound.cases (
  case_id          text PRIMARY KEY,
  idempotency_key  text UNIQUE,
  subject_type     text NOT NULL CHECK (subject_type IN ('seller', 'buyer', 'order')),
  subject_id       text NOT NULL,
  allegation       text NOT NULL,
  source           text NOT NULL,
  priority         text NOT NULL,
  typology_hints   text[] NOT NULL DEFAULT '{}',
  as_of            timestamptz,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'decided', 'failed', 'reviewed')),
  error            text,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  decided_at       timestamptz,
  failed_at        timestamptz,
  reviewed_at      timestamptz
);
CREATE INDEX cases_status_created_idx ON casehound.cases (status, created_at);
CREATE INDEX cases_subject_idx ON casehound.cases (subject_type, subject_id);

CREATE TABLE casehound.runs (
  run_id            text PRIMARY KEY,
  case_id           text NOT NULL REFERENCES casehound.cases (case_id),
  attempt           integer NOT NULL,
  status            text NOT NULL CHECK (status IN ('running', 'decided', 'failed')),
  started_at        timestamptz NOT NULL,
  ended_at          timestamptz,
  lease_owner       text,
  lease_expires_at  timestamptz,
  UNIQUE (case_id, attempt)
);

CREATE TABLE casehound.evidence (
  run_id        text NOT NULL REFERENCES casehound.runs (run_id),
  evidence_id   text NOT NULL,
  case_id       text NOT NULL REFERENCES casehound.cases (case_id),
  kind          text NOT NULL,
  source        jsonb NOT NULL,
  retrieved_at  timestamptz NOT NULL,
  summary       text NOT NULL,
  data          jsonb,
  content_hash  text NOT NULL,
  untrusted     boolean NOT NULL,
  PRIMARY KEY (run_id, evidence_id)
);

CREATE TABLE casehound.verdicts (
  run_id        text PRIMARY KEY REFERENCES casehound.runs (run_id),
  case_id       text NOT NULL REFERENCES casehound.cases (case_id),
  verdict       jsonb NOT NULL,
  verdict_hash  text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX verdicts_case_idx ON casehound.verdicts (case_id, created_at);

CREATE TABLE casehound.reviews (
  review_id     text PRIMARY KEY,
  case_id       text NOT NULL REFERENCES casehound.cases (case_id),
  verdict_hash  text NOT NULL,
  reviewer      text NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('approved', 'overridden')),
  decision      text,
  reason        text NOT NULL,
  created_at    timestamptz NOT NULL
);

CREATE TABLE casehound.audit_events (
  case_id    text NOT NULL REFERENCES casehound.cases (case_id),
  seq        integer NOT NULL CHECK (seq >= 1),
  at         timestamptz NOT NULL,
  actor      text NOT NULL,
  kind       text NOT NULL,
  payload    jsonb NOT NULL,
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  -- identifies the step that wrote the event (run, node, task): a step replayed after a
  -- crash finds its event instead of appending a duplicate
  step_key   text,
  PRIMARY KEY (case_id, seq),
  UNIQUE (case_id, step_key)
);

CREATE FUNCTION casehound.audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'casehound.audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON casehound.audit_events
  FOR EACH ROW EXECUTE FUNCTION casehound.audit_events_are_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON casehound.audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION casehound.audit_events_are_append_only();
