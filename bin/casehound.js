#!/usr/bin/env node
// The `casehound` command. It runs the compiled JavaScript in dist/ when that was built
// from the current sources (`npm install` builds it; so does `npm run build`), and the
// TypeScript sources through tsx's loader otherwise — so an edited checkout always runs
// what it says, only slower to start.
import { distIsCurrent } from "../scripts/dist-state.mjs";

if (distIsCurrent()) {
  await import("../dist/cli/main.js");
} else {
  if (process.stderr.isTTY)
    console.error(
      "casehound: sources changed since the last build; running them through tsx (npm run build starts faster)",
    );
  const { register } = await import("tsx/esm/api");
  register();
  await import("../cli/main.ts");
}
