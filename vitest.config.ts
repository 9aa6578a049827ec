import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Engine suites open real databases and spawn child processes; forks keep them apart.
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ["default"],
  },
});
