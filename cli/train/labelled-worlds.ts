// Labelled cases from generated worlds: each world is seeded into a fresh embedded
// database of its own, its labelled sellers (planted cases, ring partners, hard
// negatives, flagged ordinary sellers) and a sample of unflagged sellers are read
// (world-readings.ts), and the database is closed. Only this module and eval read
// the labels; the investigation never sees them.
import type { LabelledCase } from "../../agents/reasoning/train.js";
import { migrate } from "../../db/migrate.js";
import { openPglite } from "../../db/pglite.js";
import type { VariantMode } from "../../world/modes.js";
import type { WorldSizeName } from "../../world/sizes.js";
import { unflaggedSample } from "../eval/run.js";
import { worldReadings } from "./world-readings.js";

export interface WorldSpec {
  seed: number;
  size: WorldSizeName;
  /** The generator's mix of typology variants ("classic" is the demo's). */
  variants: VariantMode;
}

export interface WorldCase extends LabelledCase {
  sellerId: string;
  /** What was planted: a typology, a hard negative's name, "ordinary" or "unflagged". */
  kind: string;
  world: WorldSpec;
}

export async function labelledWorldCases(
  world: WorldSpec,
  options: { sample: number; onPhase?: (phase: string) => void },
): Promise<WorldCase[]> {
  const { seedWorld } = await import("../../world/generate.js");
  const db = await openPglite(null);
  try {
    await migrate(db);
    const { labels } = await seedWorld(db, {
      size: world.size,
      seed: world.seed,
      variants: world.variants,
      ...(options.onPhase ? { onPhase: options.onPhase } : {}),
    });
    const subjects = [...labels.subjects, ...(await unflaggedSample(db, labels, options.sample))];
    const readings = await worldReadings(
      db,
      subjects.map((s) => s.subject.id),
      labels.as_of,
    );
    return subjects.map((s) => ({
      sellerId: s.subject.id,
      kind: s.kind,
      truth: s.typology,
      readings: readings.get(s.subject.id) ?? [],
      world,
    }));
  } finally {
    await db.close();
  }
}
