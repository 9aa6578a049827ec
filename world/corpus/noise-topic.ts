// The shape of a noise topic: pages about the marketplace, shipping, payments and
// scams in general that name no shop. Placeholders: {country} {city} {category} {noun}
// {adj} {pct} {num} {month} {weekday}; {noun} and {adj} are one item for the whole page.
import type { CorpusSource } from "./types.js";

export interface NoiseTopic {
  sources: readonly CorpusSource[];
  titles: readonly string[];
  /** The first opens the page; the rest are drawn in random order. */
  sentences: readonly string[];
  /** Set for forum threads: the sentences are the question, these the answers. */
  replies?: readonly string[];
}
