-- pgvector and the two schemas: `risk` (the reference warehouse the agents read)
-- and `casehound` (the application's own tables).
CREATE EXTENSION IF NOT EXISTS vector;
CREATE SCHEMA IF NOT EXISTS risk;
CREATE SCHEMA IF NOT EXISTS casehound;
