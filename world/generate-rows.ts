// Generates a demo world as batches of warehouse rows: population, planted cases,
// ordinary activity, flags, then the sellers themselves (written last, once plants
// and payout changes have shaped them). Pure computation, deterministic from
// (seed, size, asOf); where the rows go is the caller's business.

import type { WarehouseTable } from "../db/warehouse-tables.js";
import { AppError } from "../domain/errors.js";
import { generateOrders, generateSellerActivity } from "./activity.js";
import { type Allegation, draftAllegation } from "./allegations.js";
import { realisticBackground } from "./background.js";
import { ts } from "./cells.js";
import { type Corpus, generateCorpus } from "./corpus/index.js";
import { corpusSellers } from "./corpus-sellers.js";
import { writeFlags } from "./flags.js";
import { IdFactory } from "./ids.js";
import { type LabelledSubject, labelSubjects } from "./labels.js";
import { manipulatedDescription } from "./manipulation.js";
import { BACKGROUNDS, type Background, VARIANT_MODES, type VariantMode } from "./modes.js";
import { applyPlants, type PlantedCase, preparePlants } from "./plants/index.js";
import { createPopulation, equipSeller } from "./population.js";
import { Rng } from "./rng.js";
import { type BatchWriter, RowSink } from "./row-sink.js";
import { WORLD_SIZES, type WorldSizeName } from "./sizes.js";
import { shopDescription } from "./text.js";
import { type Seller, type World, WorldWriter } from "./world.js";

/** Every escalated subject's allegation (a variant world's labels carry them). */
function draftAllegations(
  rng: Rng,
  cases: readonly PlantedCase[],
  noiseFlags: ReadonlyMap<Seller, { source: string; reason: string }>,
): Map<Seller, Allegation> {
  const drafted = new Map<Seller, Allegation>();
  for (const c of cases) drafted.set(c.seller, draftAllegation(rng, c.plant.typology, c.flag));
  for (const [seller, flag] of noiseFlags) drafted.set(seller, draftAllegation(rng, "none", flag));
  return drafted;
}

export interface GenerateOptions {
  size: WorldSizeName;
  seed: number;
  /** Epoch milliseconds the world is anchored at. */
  asOf: number;
  /** Plant manipulation attempts (default true); false only to compare worlds. */
  manipulation?: boolean;
  /** "mixed" plants each typology through shapes drawn per seed, and more hard negatives. */
  variants?: VariantMode;
  /** Defaults to "realistic" in a mixed world and "classic" otherwise. */
  background?: Background;
}

/** The plants and background a generation runs with, defaults filled in; unknown ones refused. */
export function worldMode(options: Pick<GenerateOptions, "variants" | "background">): {
  variants: VariantMode;
  background: Background;
} {
  const variants = options.variants ?? "classic";
  const background = options.background ?? (variants === "mixed" ? "realistic" : "classic");
  if (!VARIANT_MODES.includes(variants))
    throw new AppError(
      "bad_argument",
      `variants must be one of ${VARIANT_MODES.join(", ")}: ${variants}`,
    );
  if (!BACKGROUNDS.includes(background))
    throw new AppError(
      "bad_argument",
      `background must be one of ${BACKGROUNDS.join(", ")}: ${background}`,
    );
  return { variants, background };
}

export interface GeneratedWorld {
  subjects: LabelledSubject[];
  /** The web pages written about the world, with their ground truth (labels only). */
  corpus: Corpus;
  rowCounts: Record<WarehouseTable, number>;
  contentHash: string;
}

function writeSellers(rng: Rng, world: World, writer: WorldWriter): void {
  for (const seller of world.sellers) {
    const kyc = rng.weighted([
      ["verified", 78],
      ["pending", 10],
      ["not_started", 7],
      ["failed", 5],
    ] as const);
    const year = new Date(seller.registeredAt).getUTCFullYear();
    const description = manipulatedDescription(
      seller.manipulation,
      shopDescription(rng, seller.category, rng.pick(seller.country.cities), year),
    );
    writer.sink.push("sellers", [
      seller.id,
      seller.shopName,
      ts(seller.registeredAt),
      seller.country.code,
      seller.category.name,
      kyc,
      "active",
      description,
      seller.payoutAccountId,
    ]);
  }
}

export async function generateRows(
  options: GenerateOptions,
  write: BatchWriter,
  onPhase: (phase: string) => void = () => {},
): Promise<GeneratedWorld> {
  const size = WORLD_SIZES[options.size];
  const sink = new RowSink(write);
  const root = new Rng(options.seed);
  const writer = new WorldWriter(sink, new IdFactory());
  onPhase("population");
  const world = createPopulation(root.fork("population"), size, options.asOf, writer);
  const mode = worldMode(options);
  if (mode.background === "realistic")
    realisticBackground(root.fork("background"), size, world, writer);
  const { cases, claimed } = preparePlants(
    { rng: root.fork("plants"), world, writer },
    size.plantsPerIntensity,
    options.manipulation ?? true,
    mode.variants,
  );
  const equipRng = root.fork("equipment");
  for (const seller of world.sellers) equipSeller(equipRng, seller, world, writer);
  await sink.drain();
  onPhase("orders");
  await generateOrders(root.fork("orders"), size, world, writer);
  await generateSellerActivity(root.fork("seller-activity"), world, writer);
  onPhase("planted cases");
  await applyPlants(cases, () => sink.drain());
  const { noiseSellers, noiseFlags } = writeFlags(
    root.fork("flags"),
    world,
    writer,
    cases,
    claimed,
  );
  writeSellers(root.fork("seller-rows"), world, writer);
  await sink.drain(true);
  onPhase("web corpus");
  // Its own stream: the warehouse rows (and their content hash) do not depend on it.
  const corpus = generateCorpus(
    root.fork("corpus"),
    corpusSellers(world.sellers, cases),
    new Set(world.sellers.map((s) => s.shopName)),
    options.asOf,
    { injection: options.manipulation ?? true },
  );
  return {
    subjects: labelSubjects(
      cases,
      noiseSellers,
      mode.variants === "mixed"
        ? draftAllegations(root.fork("allegations"), cases, noiseFlags)
        : undefined,
    ),
    corpus,
    rowCounts: sink.rowCounts(),
    contentHash: sink.contentHash(),
  };
}
