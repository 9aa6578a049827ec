// The local word vectors, as a long-lived process may hold them: the compact cache
// only (about 22 MB on disk, ~57 MB in memory for 200,000 words). When the cache is
// missing, or was built from another version of the source, a short-lived child
// process builds it; the parent never opens the 307 MB JSON.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { moduleBootstrap } from "../../config/module-bootstrap.js";
import { cacheSourceBytes, readWordVectors, type WordVectors } from "./cache-format.js";
import { winkSourcePath } from "./wink-compact.js";

/** Words kept: the 200,000 most frequent cover ~97% of report and complaint text. */
export const WINK_TOP_N = 200_000;

const BUILD_TIMEOUT_MS = 180_000;

export function winkCachePath(cacheDir: string, topN = WINK_TOP_N): string {
  return join(cacheDir, `wink-sg-100d-top${topN}.i8`);
}

function buildInChild(out: string, topN: number): Promise<void> {
  const bootstrap = moduleBootstrap(import.meta.url, "wink-compact-child");
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", bootstrap, out, String(topN)],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-2000);
    });
    // About 3 s normally; a child stuck for minutes is killed, not waited on forever.
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `building the word-vector cache failed (${signal ? `killed after ${BUILD_TIMEOUT_MS / 1000} s` : `exit ${code}`}): ${stderr.trim()}`,
          ),
        );
    });
  });
}

function isCurrent(path: string, source: string): boolean {
  if (!existsSync(path)) return false;
  return cacheSourceBytes(path) === statSync(source).size >>> 0;
}

/** The cache's path, built first if needed. */
export async function ensureWinkCache(cacheDir: string, topN = WINK_TOP_N): Promise<string> {
  const path = winkCachePath(cacheDir, topN);
  if (isCurrent(path, winkSourcePath())) return path;
  mkdirSync(cacheDir, { recursive: true });
  await buildInChild(path, topN);
  return path;
}

export async function loadWinkVectors(cacheDir: string, topN = WINK_TOP_N): Promise<WordVectors> {
  return readWordVectors(await ensureWinkCache(cacheDir, topN));
}
