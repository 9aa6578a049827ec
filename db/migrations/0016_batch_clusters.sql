-- Ring clusters of a finished batch: its seller subjects grouped by the devices,
-- IPs, payout accounts and addresses they share (tools/links), stored once per
-- batch. `clustered_at` is set by the one transaction that stores them (a
-- conditional update: two processes finishing the same batch at once store once);
-- that same transaction adds the re-review rows of inconsistent clusters, so a
-- batch is re-investigated at most once.
ALTER TABLE casehound.batches ADD COLUMN clustered_at timestamptz;
-- the as-of the attributes were read at
ALTER TABLE casehound.batches ADD COLUMN clustered_as_of timestamptz;

CREATE TABLE casehound.batch_clusters (
  batch_id      text NOT NULL REFERENCES casehound.batches (batch_id),
  cluster_id    text NOT NULL,
  members       text[] NOT NULL,
  -- the binding attributes (kind, value, degree, weight, holders and their roles)
  bindings      jsonb NOT NULL,
  strength      double precision NOT NULL,
  -- a member decided fraud beside one decided not_fraud when the batch first finished
  inconsistent  boolean NOT NULL,
  reason        text,
  -- the members sent back for a re-investigation
  reinvestigate text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (batch_id, cluster_id)
);

-- A re-review row: the case of the original row it investigates again, with its cluster as context.
ALTER TABLE casehound.batch_cases ADD COLUMN review_of text REFERENCES casehound.cases (case_id);
ALTER TABLE casehound.batch_cases ADD COLUMN review_cluster text;
