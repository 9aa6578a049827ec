-- Baseline snapshots: the category baselines of every indicator, computed by one
-- set-based job for one instant and stored with it. An investigation compares a
-- seller with the newest complete snapshot at or before its as-of (within a
-- freshness window) instead of computing baselines for its own instant.
--
-- A row is also the job's claim: at most one snapshot is `computing` at a time
-- (the partial unique index), so concurrent first cases and refreshes — in one
-- process or in several on a shared server — wait for one computation instead of
-- each running their own. A claimant renews `heartbeat_at` while it computes; a
-- claim whose heartbeat stopped belongs to a dead process and may be taken over.
--
-- `catalog` fingerprints the indicator catalogue (ids and queries) the snapshot was
-- computed with, and `warehouse_seed` the demo world loaded at the time (null on a
-- warehouse casehound did not seed): a snapshot of another catalogue or another
-- world is never used.
CREATE TABLE casehound.baseline_snapshots (
  id              text PRIMARY KEY,
  -- the instant the baselines describe
  as_of           timestamptz NOT NULL,
  catalog         text NOT NULL,
  warehouse_seed  bigint,
  status          text NOT NULL CHECK (status IN ('computing', 'complete', 'failed', 'legacy')),
  claimed_by      text,
  started_at      timestamptz NOT NULL DEFAULT now(),
  heartbeat_at    timestamptz NOT NULL DEFAULT now(),
  computed_at     timestamptz,
  seconds         double precision,
  sellers         integer,
  indicators      integer,
  error           text
);
CREATE UNIQUE INDEX baseline_snapshots_instant_idx
  ON casehound.baseline_snapshots (as_of, catalog, coalesce(warehouse_seed, 0));
CREATE UNIQUE INDEX baseline_snapshots_one_computing_idx
  ON casehound.baseline_snapshots ((true)) WHERE status = 'computing';
CREATE INDEX baseline_snapshots_complete_idx
  ON casehound.baseline_snapshots (catalog, as_of DESC) WHERE status = 'complete';

-- Baselines cached per instant before snapshots existed were computed one indicator
-- at a time, so an instant may hold only some indicators: each instant becomes a
-- `legacy` snapshot, kept readable, never used by a new investigation.
INSERT INTO casehound.baseline_snapshots
  (id, as_of, catalog, status, started_at, heartbeat_at, computed_at, sellers, indicators)
SELECT 'legacy-' || md5(b.as_of::text), b.as_of, 'legacy', 'legacy', min(b.computed_at),
       max(b.computed_at), max(b.computed_at),
       (SELECT max(n) FROM (SELECT sum(s.sellers) AS n FROM casehound.indicator_baselines s
                            WHERE s.as_of = b.as_of GROUP BY s.indicator) per_indicator),
       count(DISTINCT b.indicator)
FROM casehound.indicator_baselines b
GROUP BY b.as_of;

ALTER TABLE casehound.indicator_baselines ADD COLUMN snapshot_id text
  REFERENCES casehound.baseline_snapshots (id) ON DELETE CASCADE;
UPDATE casehound.indicator_baselines SET snapshot_id = 'legacy-' || md5(as_of::text);
ALTER TABLE casehound.indicator_baselines ALTER COLUMN snapshot_id SET NOT NULL;
ALTER TABLE casehound.indicator_baselines DROP CONSTRAINT indicator_baselines_pkey;
ALTER TABLE casehound.indicator_baselines ADD PRIMARY KEY (snapshot_id, indicator, scope);
