// Vitest global set-up: the suites that spawn `casehound` (CLI, crash trials, the
// README walk-through) should run the compiled command, as users do, and start it in
// a fraction of the time tsx takes. dist/ is rebuilt only when a source is newer than
// it; if the build fails the launcher still runs the sources through tsx.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BUILD = fileURLToPath(new URL("../../scripts/build.mjs", import.meta.url));

export default function buildDist(): void {
  spawnSync(process.execPath, [BUILD, "--if-stale"], { stdio: "inherit" });
}
