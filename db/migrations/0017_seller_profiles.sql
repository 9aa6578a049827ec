-- Seller risk profiles: for every baseline snapshot, each seller's indicator
-- profile as a vector, so "the sellers whose risk profile looks most like this
-- one" is a nearest-neighbour search (tools/similar).
--
-- One component per indicator of the catalogue, in catalogue order (33 today: a
-- catalogue of another size needs a migration of its own, and a test fails until
-- it has one). A component is the seller's mid-rank percentile among the sellers
-- of its category that have a value for that indicator at the snapshot's instant:
-- (peers below + half the peers tied, the seller included) / peers with a value,
-- in [0, 1]. A seller with no value (a share with nothing behind it) gets 0.5, the
-- middle: missing evidence is neither typical-low nor typical-high.
--
-- Components keep the indicator's own direction (a higher value, a higher
-- percentile — as the verdict's peer comparisons read). Distances are Euclidean
-- (vector_l2_ops): every component lives on the same [0, 1] percentile scale, and
-- L2 does not care about direction — flipping a component to 1 - p moves both
-- sellers alike and leaves 0.5 where it is — so no orientation has to be chosen.
-- Cosine would: it sees a seller at the 10th percentile everywhere and one at the
-- 90th everywhere as identical (same direction), and a seller at the median
-- everywhere has no direction at all once centred.
CREATE TABLE casehound.seller_profiles (
  snapshot_id  text NOT NULL REFERENCES casehound.baseline_snapshots (id) ON DELETE CASCADE,
  seller_id    text NOT NULL,
  -- the seller's category when the snapshot was computed (its peers)
  category     text NOT NULL,
  profile      vector(33) NOT NULL,
  PRIMARY KEY (snapshot_id, seller_id)
);

-- One graph over every snapshot's profiles; a search filters on snapshot_id and
-- relies on pgvector's iterative index scans to keep k rows after the filter.
CREATE INDEX seller_profiles_hnsw_idx ON casehound.seller_profiles
  USING hnsw (profile vector_l2_ops) WITH (m = 16, ef_construction = 64);

-- How many profiles a snapshot holds (null: computed before profiles existed), and
-- how long storing them took, inside the snapshot's completing transaction.
ALTER TABLE casehound.baseline_snapshots ADD COLUMN profiles integer;
ALTER TABLE casehound.baseline_snapshots ADD COLUMN profile_seconds double precision;
