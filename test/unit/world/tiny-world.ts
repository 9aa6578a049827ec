// A small marketplace held in memory, to plant one case in and read back the rows
// it wrote (as column → text maps, the way COPY would load them).
import type { WarehouseTable } from "../../../db/warehouse-tables.js";
import { realisticBackground } from "../../../world/background.js";
import { IdFactory } from "../../../world/ids.js";
import type { Plant, PlantHandle, Shape } from "../../../world/plants/plant.js";
import { createPopulation, equipSeller } from "../../../world/population.js";
import { Rng } from "../../../world/rng.js";
import { RowSink } from "../../../world/row-sink.js";
import { DEFAULT_AS_OF, type WorldSize } from "../../../world/sizes.js";
import { type Seller, type World, WorldWriter } from "../../../world/world.js";

export type Row = Record<string, string | null>;

export const TINY = {
  sellers: 40,
  buyers: 1500,
  orders: 0,
  plantsPerIntensity: 1,
  visitorDevices: 300,
} as unknown as WorldSize;

export interface Planted {
  world: World;
  seller: Seller;
  handle: PlantHandle;
  /** Every row written since the population (and the population's own). */
  rows(table: WarehouseTable): Row[];
}

/** Plants one case of `plant` in a fresh tiny world (realistic background unless told). */
export async function plantOne(
  plant: Plant,
  intensity: "blatant" | "subtle" | null,
  shape?: Shape,
  options: { seed?: number; background?: "classic" | "realistic" } = {},
): Promise<Planted> {
  const tables = new Map<WarehouseTable, Row[]>();
  const sink = new RowSink(async (table, columns, payload) => {
    const list = tables.get(table) ?? [];
    for (const line of payload.split("\n")) {
      if (!line) continue;
      const cells = line.split("\t");
      list.push(
        Object.fromEntries(
          columns.map((c, i) => [c, cells[i] === "\\N" ? null : (cells[i] ?? null)]),
        ),
      );
    }
    tables.set(table, list);
  });
  const writer = new WorldWriter(sink, new IdFactory());
  const rng = new Rng(options.seed ?? 11);
  const world = createPopulation(rng.fork("population"), TINY, Date.parse(DEFAULT_AS_OF), writer);
  if ((options.background ?? "realistic") === "realistic")
    realisticBackground(rng.fork("background"), TINY, world, writer);
  const claimed = new Set<Seller>();
  const claimSeller = () => {
    const seller = world.sellers.find((s) => !claimed.has(s)) as Seller;
    claimed.add(seller);
    return seller;
  };
  const ctx = { rng: rng.fork("plants"), world, writer, claimSeller };
  const seller = claimSeller();
  const handle = plant.prepare(seller, intensity, ctx, shape);
  const equip = rng.fork("equip");
  for (const s of world.sellers) equipSeller(equip, s, world, writer);
  await handle.apply();
  await sink.drain(true);
  return {
    world,
    seller,
    handle,
    rows: (table) => (tables.get(table) ?? []).map((r) => ({ ...r })),
  };
}

export const at = (row: Row, column: string): number => Date.parse(row[column] as string);

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const distinct = <T>(values: readonly T[]): number => new Set(values).size;
