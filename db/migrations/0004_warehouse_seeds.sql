-- A record of each demo world loaded into the warehouse: which generator, seed and
-- size, the instant the world is anchored at, and what it holds. The ground truth
-- (which subjects are planted) is never stored in the database.
CREATE TABLE casehound.warehouse_seeds (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  generator_version  text NOT NULL,
  seed               bigint NOT NULL,
  size               text NOT NULL,
  as_of              timestamptz NOT NULL,
  row_counts         jsonb NOT NULL,
  content_hash       text NOT NULL,
  seconds            real NOT NULL,
  loaded_at          timestamptz NOT NULL DEFAULT now()
);
