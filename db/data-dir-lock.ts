// An exclusive lock on an embedded data directory. PGlite has no lock between
// processes and two writers on one directory silently lose data, so the second
// process must get a clear error naming the holder instead.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "../domain/errors.js";
import { ensureDataDir } from "./data-dir.js";

export const LOCK_FILE = "casehound.lock";

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
  } catch {
    return undefined; // unreadable or half-written: treated as stale below
  }
}

/** Whether a process with this id runs on this machine (one we may not signal counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(owner: LockOwner | undefined): boolean {
  if (!owner || typeof owner.pid !== "number") return true;
  return owner.host === hostname() && !isAlive(owner.pid);
}

/** Takes the lock or throws data_dir_locked naming the process that holds it. */
export function acquireDataDirLock(dir: string): DataDirLock {
  ensureDataDir(dir);
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return createHandle(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST")
        throw new AppError(
          "config_invalid",
          `the data directory ${dir} cannot hold its lock file (${code ?? (error as Error).message}); point CASEHOUND_DATA_DIR at a writable directory`,
        );
      const owner = readOwner(path);
      if (attempt === 0 && isStale(owner)) {
        unlinkSync(path);
        continue;
      }
      throw lockedError(dir, path, owner);
    }
  }
  throw lockedError(dir, path, readOwner(path));
}

function lockedError(dir: string, path: string, owner: LockOwner | undefined): AppError {
  const who = owner
    ? `process ${owner.pid} on ${owner.host} (${owner.command || "unknown command"}) since ${owner.since}`
    : "another process";
  return new AppError(
    "data_dir_locked",
    `the data directory ${dir} is in use by ${who}; stop that process, or point CASEHOUND_DATA_DIR at another directory (lock file: ${path})`,
    { details: { dir, owner } },
  );
}

function createHandle(path: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    if (readOwner(path)?.pid === process.pid) unlinkSync(path);
  };
  // A crash still removes the file; a SIGKILL leaves it, and the next process sees it stale.
  process.on("exit", release);
  return { path, release };
}
