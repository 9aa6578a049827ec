// Vitest global set-up: a fresh in-memory PGlite cluster takes ~3 s to create (initdb
// in WASM) and ~0.7 s to load from a dump of one. The dump is made once per run and
// every in-memory test database starts from it (test/support/engines.ts), in the same
// state as a newly created cluster.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The dump of a fresh PGlite cluster (a tar file), or "" when there is none. */
    pgliteSnapshot: string;
  }
}

export default async function dumpFreshCluster(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "casehound-pglite-"));
  const path = join(dir, "fresh-cluster.tar");
  const pg = await PGlite.create(undefined, { extensions: { vector } });
  try {
    const dump = await pg.dumpDataDir("none");
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pg.close();
  }
  project.provide("pgliteSnapshot", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
