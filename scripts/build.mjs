// Compiles the sources into dist/ so `casehound` starts as plain JavaScript (no tsx,
// no compiling at every start). Run by `npm install` (the prepare script), by the
// test set-up when dist/ is stale, and by hand with `npm run build`. Without the
// TypeScript compiler (an install without dev dependencies) it says so and exits 0:
// the launcher then runs the sources through tsx, slower but the same code.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { DIST, distIsCurrent, newestSource, ROOT, STAMP } from "./dist-state.mjs";

/** Files the compiled code reads beside itself (import.meta.url-relative). */
const ASSET_DIRS = ["db/migrations", "db/kb", "agents/reasoning/weights", "server/console/static"];

const onlyIfStale = process.argv.includes("--if-stale");
if (onlyIfStale && distIsCurrent()) process.exit(0);

const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
if (!existsSync(tsc)) {
  console.error("build: no TypeScript compiler installed; casehound will run its sources via tsx");
  process.exit(0);
}

// What the build reads is dated before it starts: a source edited while it runs
// leaves dist/ stale rather than current with the old code.
const sourcesAsOf = newestSource();
// Built beside dist/ and swapped in, so a launcher never sees half a build as current.
const staging = `${DIST}.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const compiled = spawnSync(
  process.execPath,
  [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", staging],
  { stdio: "inherit" },
);
if (compiled.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error("build: tsc failed");
  process.exit(1);
}
for (const dir of ASSET_DIRS) cpSync(join(ROOT, dir), join(staging, dir), { recursive: true });
mkdirSync(staging, { recursive: true });
const stamp = join(staging, ".built");
writeFileSync(stamp, "dist/ is current while this file is newer than every source file\n");
// Rounded up to the millisecond: file times carry finer fractions than a Date.
const asOf = new Date(Math.ceil(sourcesAsOf));
utimesSync(stamp, asOf, asOf);
rmSync(DIST, { recursive: true, force: true });
try {
  renameSync(staging, DIST);
} catch (error) {
  // Another build swapped its dist/ in first (two test runs at once): keep that one.
  rmSync(staging, { recursive: true, force: true });
  if (!existsSync(STAMP)) throw error;
}
