-- The role model-written SQL runs as: it may read schema risk and nothing else (no
-- casehound schema, no writes, no server files). Roles are shared by every
-- database of a server, so another database's migration may create it at the same
-- moment; a migrating user without CREATEROLE gets a notice, and queries then run
-- without the role (still in a READ ONLY transaction, after the guard).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casehound_reader') THEN
    BEGIN
      CREATE ROLE casehound_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'casehound: cannot create role casehound_reader (no CREATEROLE); model-written SQL will run without it';
        RETURN;
    END;
  END IF;
  GRANT USAGE ON SCHEMA risk TO casehound_reader;
  GRANT SELECT ON ALL TABLES IN SCHEMA risk TO casehound_reader;
  ALTER DEFAULT PRIVILEGES IN SCHEMA risk GRANT SELECT ON TABLES TO casehound_reader;
END
$$;
