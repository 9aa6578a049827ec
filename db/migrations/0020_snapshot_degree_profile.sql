-- The degree profile link analysis judges hubs by (tools/links/degree-profile.ts:
-- how many accounts share each device, IP, address and payout account, the
-- warehouse's buyer-shop pairs, and each category's block scores) is a property of
-- the warehouse at an instant, like the category baselines. It is computed with the
-- snapshot and stored beside it, so a case reads it with its baselines instead of a
-- cold process reading it from the warehouse (seconds on a large one). Null for
-- snapshots computed before it was stored: those cases compute it as before.
ALTER TABLE casehound.baseline_snapshots ADD COLUMN degree_profile jsonb;
