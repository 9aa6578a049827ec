-- The analyst console (/console): server-side sessions and case assignment.
--
-- A session is opened by signing in with an analyst or admin API key; the browser
-- holds only its id in an HttpOnly cookie, and the table stores the id's SHA-256,
-- so a leaked table cannot be replayed as cookies. Each session carries its own
-- CSRF token (a synchroniser token every console form must post back). Signing out
-- or revoking the key ends it; past expires_at it is refused.
CREATE TABLE casehound.console_sessions (
  session_hash  text PRIMARY KEY,
  key_id        text NOT NULL REFERENCES casehound.api_keys (key_id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz
);
CREATE INDEX console_sessions_key_idx ON casehound.console_sessions (key_id);

-- Who works a case: at most one analyst (a key) at a time. Taking a case is also an
-- event of its audit chain (kind case_assigned).
CREATE TABLE casehound.case_assignments (
  case_id      text PRIMARY KEY REFERENCES casehound.cases (case_id),
  key_id       text NOT NULL REFERENCES casehound.api_keys (key_id),
  assignee     text NOT NULL,
  assigned_at  timestamptz NOT NULL
);
CREATE INDEX case_assignments_key_idx ON casehound.case_assignments (key_id);
