// The ground truth of a demo world: which subjects were planted, as what, at which
// intensity. Written to a JSON file beside the data and never into any table an
// agent can read; only `casehound eval` reads it.
import {
  accessSync,
  constants,
  mkdirSync,
  readFileSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { Typology } from "../domain/typology.js";
import { ALLEGATION_STYLES, type Allegation } from "./allegations.js";
import { BACKGROUNDS, VARIANT_MODES } from "./modes.js";
import type { PlantedCase } from "./plants/index.js";
import { CHANNELS, VARIANTS } from "./plants/kinds.js";
import type { Seller } from "./world.js";

export const LabelledSubject = z.object({
  subject: z.object({ type: z.literal("seller"), id: z.string() }),
  /** The typology planted, or "none" for hard negatives and flagged ordinary sellers. */
  typology: z.union([Typology, z.literal("none")]),
  intensity: z.enum(["blatant", "subtle"]).nullable(),
  /** What was planted: a typology, a hard negative's name, or "ordinary". */
  kind: z.string(),
  /** "primary" is the flagged subject; "ring_member" a collusion partner or a takeover's second victim. */
  role: z.enum(["primary", "ring_member"]),
  flagged: z.boolean(),
  /** Where text aimed at an automated reviewer was planted (files from before it lack it). */
  manipulation: z.enum(["shop_description", "reviews"]).nullable().default(null),
  /**
   * A variant world's coordination channel: the one the scheme was planted through, or
   * the one a hard negative looks like a scheme through. Null in the classic world.
   */
  channel: z.enum(CHANNELS).nullable().default(null),
  /** A variant world's typology shape: "standard" or an evasive one. Null otherwise. */
  variant: z.enum(VARIANTS).nullable().default(null),
  /** What the escalating analyst wrote; null: the evaluation words it from the flags. */
  allegation: z.string().nullable().default(null),
  /** How the allegation relates to the truth: the flag's reason, a wrong typology, lay words, routine. */
  allegation_style: z.enum(ALLEGATION_STYLES).nullable().default(null),
});
export type LabelledSubject = z.infer<typeof LabelledSubject>;

/** What a page of the demo web corpus is about (labels only, never in a table). */
export const CorpusLabel = z.object({
  docId: z.string(),
  aboutSellerId: z.string().nullable(),
  relation: z.enum(["report", "decoy", "noise", "injection"]),
  typology: z.string().nullable(),
  lookAlikeOf: z.string().optional(),
  lookAlike: z.string().optional(),
});
export type CorpusLabel = z.infer<typeof CorpusLabel>;

export const WorldLabels = z.object({
  generator: z.string(),
  seed: z.number().int(),
  size: z.string(),
  as_of: z.string(),
  content_hash: z.string(),
  /** Which plants and background made the world (files from before them are classic). */
  variants: z.enum(VARIANT_MODES).default("classic"),
  background: z.enum(BACKGROUNDS).default("classic"),
  subjects: z.array(LabelledSubject),
  /** Files from before the corpus lack it. */
  corpus: z.array(CorpusLabel).default([]),
});
export type WorldLabels = z.infer<typeof WorldLabels>;

export function labelSubjects(
  cases: readonly PlantedCase[],
  noiseSellers: readonly Seller[],
  allegations: ReadonlyMap<Seller, Allegation> = new Map(),
): LabelledSubject[] {
  const subject = (seller: Seller) => ({ type: "seller" as const, id: seller.id });
  const alleged = (seller: Seller) => ({
    allegation: allegations.get(seller)?.text ?? null,
    allegation_style: allegations.get(seller)?.style ?? null,
  });
  const labels: LabelledSubject[] = [];
  for (const c of cases) {
    labels.push({
      subject: subject(c.seller),
      typology: c.plant.typology,
      intensity: c.intensity,
      kind: c.kind,
      role: "primary",
      flagged: true,
      manipulation: c.manipulation,
      channel: c.channel,
      variant: c.variant,
      ...alleged(c.seller),
    });
    for (const member of c.members) {
      labels.push({
        subject: subject(member),
        typology: c.plant.typology,
        intensity: c.intensity,
        kind: c.kind,
        role: "ring_member",
        flagged: false,
        manipulation: null,
        channel: c.channel,
        variant: c.variant,
        allegation: null,
        allegation_style: null,
      });
    }
  }
  for (const seller of noiseSellers) {
    labels.push({
      subject: subject(seller),
      typology: "none",
      intensity: null,
      kind: "ordinary",
      role: "primary",
      flagged: true,
      manipulation: null,
      channel: null,
      variant: null,
      ...alleged(seller),
    });
  }
  return labels;
}

/**
 * Fails early, before a world is seeded, when the labels file could not be written:
 * a directory, an unwritable place, or (unless `replace`) a file that already holds
 * another world's ground truth, which a new seed would silently overwrite.
 */
export function assertLabelsWritable(path: string, options: { replace?: boolean } = {}): void {
  const refuse = (why: string) =>
    new AppError("bad_argument", `cannot write the labels file ${path}: ${why}`);
  let existing: Stats | undefined;
  try {
    existing = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw refuse((error as Error).message); // e.g. ENOTDIR: a file where a directory should be
  }
  if (existing?.isDirectory()) throw refuse("it is a directory");
  if (existing && !options.replace)
    throw refuse("it already exists; pass --replace to overwrite it (and empty the warehouse)");
  if (existing && !existing.isFile()) throw refuse("it is not a regular file");
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(existing ? path : dirname(path), constants.W_OK);
  } catch (error) {
    throw refuse((error as Error).message);
  }
}

export function writeLabels(path: string, labels: WorldLabels): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(labels, null, 2)}\n`);
}

export function readLabels(path: string): WorldLabels {
  return WorldLabels.parse(JSON.parse(readFileSync(path, "utf8")));
}
