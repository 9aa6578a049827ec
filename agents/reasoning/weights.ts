// Which weights the offline reasoner uses. The shipped file (weights/current.json,
// written by `casehound train`) is the default; the hand-set weights of model.ts are
// the documented prior the training starts from and regularises towards. A version
// is derived from the weights themselves, so a verdict's named version identifies
// exactly the numbers it was decided with.
import { readFileSync } from "node:fs";
import { canonicalJson, hashOf } from "../../domain/canonical-json.js";
import { AppError } from "../../domain/errors.js";
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import { ModelWeights, type TypologyWeights } from "../../domain/weights.js";
import { MODELS } from "./model.js";

/** The weights' own version: a hash of the numbers (provenance and metrics excluded). */
export function weightsVersion(typologies: ModelWeights["typologies"]): string {
  return `w-${hashOf(typologies).slice(0, 12)}`;
}

/** The hand-set weights of model.ts as a weights file: level weights only, no peer terms. */
export function priorWeights(): ModelWeights {
  const typologies = Object.fromEntries(
    MODELS.map((m) => [
      m.typology,
      {
        bias: m.bias,
        terms: m.terms.map((t) => ({ indicator: t.indicator, level: t.weight, tail: 0, far: 0 })),
      },
    ]),
  ) as Record<Typology, TypologyWeights>;
  return {
    format: "casehound.weights/1",
    version: weightsVersion(typologies),
    origin: "prior",
    trained_at: null,
    provenance: { train_worlds: [], holdout_worlds: [], reviews: 0, cases: 0, settings: {} },
    metrics: { train: {}, holdout: {} },
    typologies,
  };
}

/** Parses a weights file and checks it against the models' terms (same indicators, same order). */
export function parseWeights(text: string, where: string): ModelWeights {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_argument", `${where} is not JSON: ${(error as Error).message}`);
  }
  const parsed = ModelWeights.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      "bad_argument",
      `${where} is not a casehound weights file: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
    );
  const weights = parsed.data;
  for (const typology of TYPOLOGIES) {
    const model = MODELS.find((m) => m.typology === typology);
    const terms = weights.typologies[typology].terms.map((t) => t.indicator);
    const expected = model?.terms.map((t) => t.indicator) ?? [];
    if (canonicalJson(terms) !== canonicalJson(expected))
      throw new AppError(
        "bad_argument",
        `${where}: the ${typology} weights are for indicators ${terms.join(", ")}, but the model reads ${expected.join(", ")}; train again`,
      );
  }
  if (weights.version !== weightsVersion(weights.typologies))
    throw new AppError(
      "bad_argument",
      `${where}: its version ${weights.version} does not match its weights (edited by hand?)`,
    );
  return weights;
}

export const SHIPPED_WEIGHTS_URL = new URL("./weights/current.json", import.meta.url);

let shipped: ModelWeights | undefined;

/** The weights casehound ships with (read once). */
export function shippedWeights(): ModelWeights {
  shipped ??= parseWeights(readFileSync(SHIPPED_WEIGHTS_URL, "utf8"), "the shipped weights file");
  return shipped;
}

/** Reads a weights file a user points at (CASEHOUND_WEIGHTS_FILE, `--weights`). */
export function readWeightsFile(path: string): ModelWeights {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new AppError(
      "bad_argument",
      `cannot read weights file ${path}: ${(error as Error).message}`,
    );
  }
  return parseWeights(text, `weights file ${path}`);
}
