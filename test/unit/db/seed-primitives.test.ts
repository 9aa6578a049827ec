import { describe, expect, it } from "vitest";
import { ts } from "../../../world/cells.js";
import { IdFactory } from "../../../world/ids.js";
import { Rng, WeightedIndex } from "../../../world/rng.js";
import { encodeCell, formatTimestamp } from "../../../world/row-sink.js";

describe("Rng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it("forks independent streams by label, reproducibly", () => {
    const root = new Rng(1);
    expect(root.fork("orders").next()).toBe(new Rng(1).fork("orders").next());
    expect(root.fork("orders").next()).not.toBe(root.fork("buyers").next());
  });

  it("stays within bounds and is roughly uniform", () => {
    const rng = new Rng(3);
    const buckets = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = rng.next();
      min = Math.min(min, v);
      max = Math.max(max, v);
      const bucket = Math.floor(v * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs((count as number) - 10_000)).toBeLessThan(500);
  });

  it("picks by weight", () => {
    const rng = new Rng(5);
    const index = new WeightedIndex([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const k = index.pick(rng);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / (counts[0] as number)).toBeGreaterThan(2.7);
    expect((counts[2] as number) / (counts[0] as number)).toBeLessThan(3.3);
  });
});

describe("IdFactory", () => {
  it("never repeats an id within a prefix", () => {
    const ids = new IdFactory();
    const seen = new Set(Array.from({ length: 200_000 }, () => ids.next("ord")));
    expect(seen.size).toBe(200_000);
  });

  it("gives ids that do not reveal their order of creation", () => {
    const ids = new IdFactory();
    const first = Array.from({ length: 100 }, () => ids.next("byr"));
    expect([...first].sort()).not.toEqual(first);
  });
});

describe("COPY encoding", () => {
  it("formats timestamps exactly like Date#toISOString", () => {
    const rng = new Rng(11);
    for (let i = 0; i < 5_000; i++) {
      const ms = Math.floor(rng.uniform(0, 4_102_444_800_000));
      expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString());
    }
    expect(formatTimestamp(1_700_000_000_123.7)).toBe("2023-11-14T22:13:20.123Z");
  });

  it("escapes the characters COPY text format gives meaning to", () => {
    expect(encodeCell("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(encodeCell(null)).toBe("\\N");
    expect(encodeCell(true)).toBe("t");
    expect(encodeCell(false)).toBe("f");
    expect(encodeCell(ts(0))).toBe("1970-01-01T00:00:00.000Z");
  });

  it("refuses a non-finite number instead of writing garbage", () => {
    expect(() => encodeCell(Number.NaN)).toThrow(/non-finite/);
  });
});
