// The shape of a typology's vocabulary: what pages about that kind of fraud say, as
// templates. Placeholders: {shop} {country} {city} {category} ({a_category} with its article)
// {noun} {hot} {many} {span}.
// Nouns may be plural ("sneakers"), so templates write "the {noun}", never "a {noun}".

export interface TypologyText {
  /** The problem type as a scam-report form files it. */
  label: string;
  /** Short phrases a forum title uses. */
  keywords: readonly string[];
  /** Headlines naming {shop}. */
  titles: readonly string[];
  /** Opening sentences stating the allegation; every one names {shop}. */
  leads: readonly string[];
  /** What was observed, in neutral words. */
  observations: readonly string[];
  /** A buyer, owner or creator speaking. */
  quotes: readonly string[];
  /** Context, the platform's response, advice. */
  followUps: readonly string[];
}
