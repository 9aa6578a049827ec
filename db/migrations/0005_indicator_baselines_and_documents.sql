-- Category baselines of the risk indicators, computed from the warehouse and cached
-- per as-of day; and the local document corpus the web-search agent reads
-- (full text now; chunks and embeddings arrive with the search work).
CREATE TABLE casehound.indicator_baselines (
  indicator    text NOT NULL,
  scope        text NOT NULL,
  as_of        timestamptz NOT NULL,
  sellers      integer NOT NULL,
  -- the 0th, 1st, ..., 100th percentiles of the indicator over the scope's sellers
  quantiles    double precision[] NOT NULL CHECK (cardinality(quantiles) = 101),
  computed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator, scope, as_of)
);

CREATE TABLE casehound.documents (
  doc_id        text PRIMARY KEY,
  url           text,
  title         text NOT NULL,
  body          text NOT NULL,
  source        text NOT NULL,
  published_at  timestamptz,
  tsv           tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || body)) STORED
);
CREATE INDEX documents_tsv_idx ON casehound.documents USING gin (tsv);
