// What an embedder is: a named model that turns texts into vectors of a fixed size.
// The model name is stored beside every vector, so vectors of different models are
// never compared and a change of model is visible (`casehound reindex`).

export interface Embedder {
  /** Stored with each vector, e.g. "local:wink-sg-100d" or "openai:text-embedding-3-small". */
  readonly model: string;
  readonly dims: number;
  /** One vector per text (unit length), or null when the text has no known words. */
  embed(texts: readonly string[]): Promise<(number[] | null)[]>;
}
