// A variant world deals each typology's shapes per seed and plants every hard
// negative; the classic world's cases carry no channel or variant.
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db/types.js";
import { AppError } from "../../../domain/errors.js";
import { seedWorld } from "../../../world/generate.js";
import { IdFactory } from "../../../world/ids.js";
import { MIXED_PLANTS, PLANTS, preparePlants } from "../../../world/plants/index.js";
import { VARIANT_NEGATIVES } from "../../../world/plants/kinds.js";
import { createPopulation } from "../../../world/population.js";
import { Rng } from "../../../world/rng.js";
import { RowSink } from "../../../world/row-sink.js";
import { DEFAULT_AS_OF } from "../../../world/sizes.js";
import { WorldWriter } from "../../../world/world.js";
import { TINY } from "./tiny-world.js";

function prepared(seed: number, mode: "classic" | "mixed") {
  const writer = new WorldWriter(new RowSink(async () => {}), new IdFactory());
  const rng = new Rng(seed);
  const world = createPopulation(rng.fork("population"), TINY, Date.parse(DEFAULT_AS_OF), writer);
  return preparePlants({ rng: rng.fork("plants"), world, writer }, 1, true, mode).cases;
}

describe("planting a variant world", () => {
  it("plants every typology at both intensities through a shape of its own, and every hard negative", () => {
    const cases = prepared(5, "mixed");
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(MIXED_PLANTS.map((p) => p.kind)));
    for (const kind of VARIANT_NEGATIVES) expect(cases.some((c) => c.kind === kind)).toBe(true);
    for (const c of cases.filter((x) => x.plant.typology !== "none")) {
      expect(c.intensity).not.toBeNull();
      expect(c.plant.shapes).toContainEqual({ channel: c.channel, variant: c.variant });
    }
    for (const c of cases.filter((x) => x.plant.typology === "none")) expect(c.variant).toBeNull();
  });

  it("deals a typology's shapes without repeating one before all are used", () => {
    const cases = prepared(5, "mixed").filter((c) => c.kind === "brushing");
    expect(cases).toHaveLength(2);
    expect(cases[0]?.variant === cases[1]?.variant && cases[0]?.channel === cases[1]?.channel).toBe(
      false,
    );
  });

  it("draws a different mix of channels and variants for another seed, the same for the same seed", () => {
    const mix = (seed: number) =>
      prepared(seed, "mixed")
        .filter((c) => c.plant.typology !== "none")
        .map((c) => `${c.kind}/${c.channel}/${c.variant}`);
    expect(mix(5)).toEqual(mix(5));
    expect(mix(6)).not.toEqual(mix(5));
  });

  it("keeps the classic world's cases free of channels and variants", () => {
    const cases = prepared(5, "classic");
    expect(cases.map((c) => c.plant)).toEqual(PLANTS.flatMap((p) => p.intensities.map(() => p)));
    for (const c of cases) {
      expect(c.channel).toBeNull();
      expect(c.variant).toBeNull();
    }
  });

  it("refuses an unknown mode or background with a clear error before touching the database", async () => {
    const untouched = {} as Database;
    for (const bad of [{ variants: "chaos" }, { background: "noisy" }]) {
      const seeding = seedWorld(untouched, { size: "small", seed: 1, ...(bad as object) });
      await expect(seeding).rejects.toBeInstanceOf(AppError);
      await expect(seeding).rejects.toMatchObject({ code: "bad_argument" });
    }
  });
});
