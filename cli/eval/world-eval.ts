// One evaluation world: seeded into a temporary embedded database of its own,
// every escalated subject investigated with the given weights, the database
// removed. `casehound eval` runs one or several (trained on others or not).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Env } from "../../config/env.js";
import type { ModelWeights } from "../../domain/weights.js";
import type { WorldSpec } from "../train/labelled-worlds.js";
import type { EvalRun } from "./run.js";

export async function evalWorld(
  world: WorldSpec,
  options: {
    sample: number;
    env: Env;
    weights?: ModelWeights;
    progress: (line: string) => void;
  },
): Promise<EvalRun> {
  const { migrate } = await import("../../db/migrate.js");
  const { openPglite } = await import("../../db/pglite.js");
  const { seedWorld } = await import("../../world/generate.js");
  const { runEval } = await import("./run.js");
  const { prepareSearch } = await import("../search-setup.js");
  const { progress } = options;
  const dir = mkdtempSync(join(tmpdir(), "casehound-eval-"));
  const db = await openPglite(dir);
  try {
    await migrate(db);
    progress(
      `seeding the ${world.size} world (seed ${world.seed}, ${world.variants}) into ${dir} ...`,
    );
    const { labels } = await seedWorld(db, {
      size: world.size,
      seed: world.seed,
      variants: world.variants,
      onPhase: (phase) => progress(`seeding: ${phase}`),
    });
    progress("preparing search: embedding the corpus");
    const search = await prepareSearch(db, options.env);
    progress("investigating (the first case also computes the category baselines)");
    return await runEval(db, labels, {
      sample: options.sample,
      search,
      ...(options.weights ? { weights: options.weights } : {}),
      onCase: (c, done, total) =>
        progress(
          `case ${done} of ${total}: ${c.sellerId} (${c.kind}) → ${c.decision} ${c.predicted === c.truth ? "✓" : "✗"} ${Math.round(c.ms)} ms`,
        ),
    });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
