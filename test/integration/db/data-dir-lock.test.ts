import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, LOCK_FILE } from "../../../db/data-dir-lock.js";
import { openPglite } from "../../../db/pglite.js";
import { isAppError } from "../../../domain/errors.js";
import { removeDir, tempDir } from "../../support/engines.js";

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function newDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/fixtures/hold-data-dir.ts", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

describe("the embedded data directory lock", () => {
  it("gives a second process a clear error naming the process that holds the directory", async () => {
    const dir = newDir();
    const holder = await holdInChild(dir);
    let caught: unknown;
    try {
      await openPglite(dir);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "data_dir_locked")).toBe(true);
    expect((caught as Error).message).toContain(`process ${holder.pid}`);
    expect((caught as Error).message).toContain("CASEHOUND_DATA_DIR");
  });

  it("takes over the lock of a process that was killed, and the data it wrote is intact", async () => {
    const dir = newDir();
    const first = await openPglite(dir);
    await first.exec("CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
    await first.close();
    const holder = await holdInChild(dir);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const db = await openPglite(dir);
    const { rows } = await db.query("SELECT v FROM kept");
    expect(rows).toEqual([{ v: 7 }]);
    await db.close();
  });

  it("refuses a second holder inside the same process too, and frees the lock on release", () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by process/);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("treats a lock left by a dead process as stale", () => {
    const dir = newDir();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: hostname(),
        command: "gone",
        since: "2026-01-01",
      }),
    );
    const lock = acquireDataDirLock(dir);
    lock.release();
  });

  it("treats a lock held by a live process on this host as held", () => {
    const dir = newDir();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        command: "parent",
        since: "2026-01-01",
      }),
    );
    expect(() => acquireDataDirLock(dir)).toThrow(`process ${process.ppid}`);
  });
});
