-- What an investigation's as-of is checked against: the earliest and latest activity
-- the warehouse holds (orders placed, logins). min() and max() over these indexes
-- read one end of each, so the check costs the same on a large warehouse.
CREATE INDEX orders_created_idx ON risk.orders (created_at);
CREATE INDEX logins_at_idx ON risk.logins (at);

-- A demo-world seed that has started and not finished. Seeding writes a row first
-- and deletes it when the world is complete (or when a failed seed has emptied the
-- warehouse again); a row left behind means the process died mid-way and the
-- warehouse holds part of a world (orders without their sellers, indexes set aside).
-- `set_aside` keeps the key and index definitions the load dropped, so emptying the
-- warehouse (seed --replace) can rebuild them.
CREATE TABLE casehound.seeds_in_progress (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seed        bigint NOT NULL,
  size        text NOT NULL,
  set_aside   jsonb,
  started_at  timestamptz NOT NULL DEFAULT now()
);
