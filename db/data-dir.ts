// Makes sure an embedded data directory exists and is a real directory, with a
// clear error otherwise. Node's recursive mkdir never returns under a pseudo
// filesystem such as /proc (mkdir answers ENOENT for a parent that exists, and the
// recursive walk retries forever), so missing levels are created one at a time.
import { mkdirSync, type Stats, statSync } from "node:fs";
import { dirname } from "node:path";
import { AppError } from "../domain/errors.js";

/** `/proc` and `/sys` hold kernel views, not files: PGlite cannot keep a database there. */
const PSEUDO_FILESYSTEMS = ["/proc", "/sys"];

function unusable(dir: string, why: string): AppError {
  return new AppError(
    "config_invalid",
    `the data directory ${dir} ${why}; point CASEHOUND_DATA_DIR at a writable directory`,
  );
}

/** What is at `path`, or undefined when nothing is (a file above it counts as nothing: see the walk). */
function statOrNone(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Creates `dir` (absolute) and its missing parents, or throws config_invalid saying why not. */
export function ensureDataDir(dir: string): void {
  if (PSEUDO_FILESYSTEMS.some((root) => dir === root || dir.startsWith(`${root}/`)))
    throw unusable(dir, "is on a kernel pseudo-filesystem, not a real one");
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const found = statOrNone(at);
    if (found) {
      if (!found.isDirectory())
        throw unusable(dir, at === dir ? "is a file, not a directory" : `is under ${at}, a file`);
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      if (code !== "EEXIST") throw unusable(dir, `cannot be created (${code} at ${level})`);
    }
  }
}
