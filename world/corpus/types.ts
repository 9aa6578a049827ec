// The shapes of the demo web corpus: the sellers it is written about, the pages it
// produces, and the ground truth of what each page is. Like the world's labels, the
// truth is for evaluation only and must never reach a table an agent can read.

export type CorpusSource = "news" | "forum" | "scam_report" | "blog" | "review_site";

export interface CorpusSeller {
  id: string;
  shopName: string;
  /** The plant kind ("brushing", "viral_seller", ...) or "ordinary". */
  kind: string;
  /** The typology planted, or "none". */
  typology: string;
  intensity: "blatant" | "subtle" | null;
  /** ISO 3166 alpha-2 code. */
  country: string;
  category: string;
  /**
   * A collusion ring's partner shops carry their case's kind too; only the primary
   * subject is written about (omitted means primary).
   */
  role?: "primary" | "ring_member";
}

export interface CorpusDocument {
  /** "web_" and 12 hex digits of a hash of the page. */
  docId: string;
  /** An https URL on an invented .example or .test domain. */
  url: string;
  title: string;
  /** 80–600 words in paragraphs separated by blank lines. */
  body: string;
  source: CorpusSource;
  /** ISO 8601, before the world's asOf. */
  publishedAt: string;
}

export interface CorpusTruth {
  docId: string;
  aboutSellerId: string | null;
  relation: "report" | "decoy" | "noise" | "injection";
  typology: string | null;
  /** The real shop name a decoy's look-alike imitates. */
  lookAlikeOf?: string;
  /** The look-alike name a decoy is written about. */
  lookAlike?: string;
}

export interface Corpus {
  documents: CorpusDocument[];
  /** One entry per document, in the same order. */
  truth: CorpusTruth[];
}

/** A page before it gets its URL and id. */
export interface Draft {
  source: CorpusSource;
  title: string;
  body: string;
  publishedAt: string;
  truth: Omit<CorpusTruth, "docId">;
  /** The one shop name the page may (and must) mention, or null for none. */
  mentions: string | null;
}
