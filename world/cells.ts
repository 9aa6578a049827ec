// A value as the demo world's generator emits it, before it is written as COPY text.

/** A value as the generator emits it; Date-like values are epoch milliseconds wrapped by `ts`. */
export type Cell = string | number | boolean | null | Timestamp;

export class Timestamp {
  constructor(readonly ms: number) {}
}

export const ts = (ms: number): Timestamp => new Timestamp(ms);
