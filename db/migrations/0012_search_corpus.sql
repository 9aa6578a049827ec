-- The search corpus. Documents are web pages and reports (the demo world's, or an
-- operator's) and the knowledge base; each is cut into chunks, the unit retrieval
-- returns. A chunk has a full-text vector and an embedding, and the embedding's model
-- is stored beside it: vectors of different models are never compared, and a change
-- of model shows as chunks whose model differs (`casehound reindex`).
ALTER TABLE casehound.documents
  ADD COLUMN kind text NOT NULL DEFAULT 'web' CHECK (kind IN ('web', 'kb')),
  -- who put it there: the demo world's generator (replaced with the world), the
  -- project's knowledge base, or an operator
  ADD COLUMN origin text NOT NULL DEFAULT 'operator' CHECK (origin IN ('demo_world', 'knowledge_base', 'operator')),
  -- typologies (or 'policy') a knowledge-base document is about
  ADD COLUMN topics text[] NOT NULL DEFAULT '{}',
  ADD COLUMN content_hash text,
  ADD COLUMN retrieved_at timestamptz;

-- Search runs over chunks now; the whole-document text vector (0005) has no reader
-- left and would only cost every write.
DROP INDEX casehound.documents_tsv_idx;
ALTER TABLE casehound.documents DROP COLUMN tsv;

CREATE TABLE casehound.chunks (
  chunk_id         text PRIMARY KEY,
  doc_id           text NOT NULL REFERENCES casehound.documents (doc_id) ON DELETE CASCADE,
  ord              integer NOT NULL CHECK (ord >= 0),
  -- the document's title, and the section heading for knowledge-base sections
  heading          text NOT NULL,
  body             text NOT NULL,
  tsv              tsvector GENERATED ALWAYS AS (to_tsvector('english', heading || ' ' || body)) STORED,
  embedding        vector,
  embedding_model  text,
  UNIQUE (doc_id, ord),
  CHECK ((embedding IS NULL) = (embedding_model IS NULL))
);
CREATE INDEX chunks_tsv_idx ON casehound.chunks USING gin (tsv);

-- Vectors of any size share the column; each model gets a partial HNSW index over its
-- own size (this one for the local word vectors; `casehound reindex` adds one for a
-- configured embedding model). Queries use the same expression and predicate.
CREATE INDEX chunks_vec_local_wink_sg_100d_432761 ON casehound.chunks
  USING hnsw ((embedding::vector(100)) vector_cosine_ops)
  WHERE embedding_model = 'local:wink-sg-100d';
