// Typology playbooks: how an allegation, a typology hint or a flag points at a
// typology, and which indicators every case reads. A suspicion orders the work and
// names the goal; it never narrows what is read: an allegation that names the wrong
// typology, describes a symptom in lay words or says nothing must not hide a pattern.
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import { TYPOLOGY_CATALOG } from "../../domain/typology-catalog.js";
import { CONTEXT_INDICATORS } from "../../tools/indicators/catalog/context.js";
import { indicatorsFor } from "../reasoning/model.js";

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

export function deepIndicators(typology: Typology): string[] {
  return indicatorsFor(typology);
}

export const CONTEXT_INDICATOR_IDS = CONTEXT_INDICATORS.map((i) => i.id);

/** What the first round of every case reads: the context and every typology's indicators. */
export const EVERY_CASE_INDICATOR_IDS: readonly string[] = [
  ...new Set([...CONTEXT_INDICATOR_IDS, ...TYPOLOGIES.flatMap(deepIndicators)]),
];
