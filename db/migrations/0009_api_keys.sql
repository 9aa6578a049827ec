-- API keys for the REST API. A key is shown once when created; only a SHA-256 of
-- its secret is stored (the secret is 32 random bytes, so a plain hash cannot be
-- searched). `role` decides what a key may do: service submits cases, analyst
-- submits and reviews, admin manages keys. A revoked key stays for the record.

CREATE TABLE casehound.api_keys (
  key_id       text PRIMARY KEY,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('service', 'analyst', 'admin')),
  secret_hash  text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  revoked_at   timestamptz
);

-- Newest-first keyset pagination over cases.
CREATE INDEX cases_created_idx ON casehound.cases (created_at DESC, case_id DESC);
