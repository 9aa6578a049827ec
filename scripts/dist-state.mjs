// Whether dist/ (the compiled command) matches the sources. Plain JavaScript so the
// `casehound` launcher and the build can use it before any TypeScript is loaded.
// The test is by modification time: dist/.built is written after a successful build,
// and dist is current only if no source file (or tsconfig) changed after it. A
// checkout, an edit or a deleted-and-restored file all make it stale, so stale
// compiled code never runs in place of newer sources.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const DIST = join(ROOT, "dist");
export const STAMP = join(DIST, ".built");

/** The folders compiled into dist/ (tsconfig.build.json includes the same). */
export const SOURCE_DIRS = [
  "agents",
  "cli",
  "config",
  "controller",
  "db",
  "domain",
  "prompts",
  "server",
  "tools",
];
const CONFIG_FILES = ["tsconfig.json", "tsconfig.build.json", "package.json"];

function newestIn(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const mtime = statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** The latest modification time of anything the build reads. */
export function newestSource() {
  let newest = 0;
  for (const dir of SOURCE_DIRS) newest = Math.max(newest, newestIn(join(ROOT, dir)));
  for (const file of CONFIG_FILES) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
}

/** True when dist/ was built after the last change to the sources. */
export function distIsCurrent() {
  try {
    return statSync(STAMP).mtimeMs >= newestSource();
  } catch {
    return false; // never built, or half-replaced by a build running now
  }
}
