import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The spawned `casehound` runs dist/ when it is current: build it once first. Every
    // in-memory PGlite starts from one dump of a fresh cluster (seconds saved each).
    globalSetup: ["test/support/build-dist.ts", "test/support/pglite-snapshot.ts"],
    // Engine suites open real databases and spawn child processes; forks keep them apart.
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on 2 cores.
    // The suites spend much of their time waiting on child processes, sockets and
    // timers, so one worker per core finishes sooner.
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ["default"],
  },
});
