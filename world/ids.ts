// Identifiers that look like a real system's: opaque, unique per prefix, and
// unrelated to how or why a row was generated (a planted account's id gives
// nothing away).

/** An odd multiplier makes this a bijection on 32-bit integers: no collisions. */
function scramble(n: number): number {
  return (Math.imul(n + 1, 0x2c1b3c6d) ^ 0x5bd1e995) >>> 0;
}

export class IdFactory {
  private readonly counters = new Map<string, number>();

  next(prefix: string): string {
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    return `${prefix}_${scramble(n).toString(36).padStart(7, "0")}`;
  }
}
