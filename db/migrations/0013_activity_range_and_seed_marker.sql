-- What an investigation's as-of is checked against: the earliest and latest activity
-- the warehouse holds (orders placed, logins). min() and max() over these indexes
-- read one end of each, so the check costs the same on a large warehouse.
CREATE INDEX orders_created_idx ON risk.orders (created_at);
CREATE INDEX logins_at_idx ON risk.logins (at);

