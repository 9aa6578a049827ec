// Typology playbooks: how an allegation, a typology hint or a flag points at a
// typology, and which indicators screen for each typology cheaply.
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import { TYPOLOGY_CATALOG } from "../../domain/typology-catalog.js";
import { CONTEXT_INDICATORS } from "../../tools/indicators/catalog/context.js";
import { indicatorsFor, MODELS } from "../reasoning/model.js";

export function suspectedTypologies(
  allegation: string,
  hints: readonly Typology[],
  flagSources: readonly string[],
): Typology[] {
  const suspected = new Set<Typology>(hints);
  for (const typology of TYPOLOGIES) {
    const entry = TYPOLOGY_CATALOG[typology];
    if (entry.allegation.test(allegation)) suspected.add(typology);
    if (flagSources.some((source) => entry.flagSources.includes(source))) suspected.add(typology);
  }
  return TYPOLOGIES.filter((t) => suspected.has(t));
}

/** The three heaviest positive terms of a typology's model (and what gates them): a cheap first look. */
export function screeningIndicators(typology: Typology): string[] {
  const model = MODELS.find((m) => m.typology === typology);
  if (!model) return [];
  const terms = [...model.terms]
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  return [
    ...new Set(terms.flatMap((t) => (t.gate ? [t.indicator, t.gate.indicator] : [t.indicator]))),
  ];
}

export function deepIndicators(typology: Typology): string[] {
  return indicatorsFor(typology);
}

export const CONTEXT_INDICATOR_IDS = CONTEXT_INDICATORS.map((i) => i.id);
