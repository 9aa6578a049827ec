// Command-line values `train` and `eval` share: seed lists, variant mixes, defaults.
import { InvalidArgumentError } from "commander";
import { VARIANT_MODES, type VariantMode } from "../../world/modes.js";
import { parseSeed } from "../arguments.js";

export const TRAIN_DEFAULTS = { l2: 0.0003, sample: 120 } as const;

/** The generator's variant mixes a world can be seeded with (world/modes.ts). */
export const VARIANT_MIXES = VARIANT_MODES;

export function seedList(value: string): number[] {
  const seeds = value.split(",").map((s) => s.trim());
  if (seeds.length === 0 || seeds.length > 50 || seeds.some((s) => s === ""))
    throw new InvalidArgumentError("must be 1 to 50 comma-separated seeds, e.g. 1,2,3.");
  return [...new Set(seeds.map(parseSeed))];
}

export function variantList(value: string): VariantMode[] {
  const list = value.split(",").map((s) => s.trim());
  const known: readonly string[] = VARIANT_MIXES;
  const unknown = list.filter((v) => !known.includes(v));
  if (list.length === 0 || unknown.length)
    throw new InvalidArgumentError(
      `must be a comma-separated list of ${VARIANT_MIXES.join(", ")}.`,
    );
  return [...new Set(list)] as VariantMode[];
}
