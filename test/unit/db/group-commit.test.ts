import { describe, expect, it } from "vitest";
import { groupCommit } from "../../../db/group-commit.js";

describe("groupCommit", () => {
  it("writes concurrent items together, in submission order, each caller getting its own result", async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => write(n)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it("items arriving during a flush go in the next batch, never lost or reordered", async () => {
    const batches: string[][] = [];
    let release: () => void = () => {};
    const write = groupCommit(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return items;
    });
    const first = write("a");
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const later = [write("b"), write("c")];
    release();
    expect(await Promise.all([first, ...later])).toEqual(["a", "b", "c"]);
    expect(batches).toEqual([["a"], ["b", "c"]]);
  });

  it("a failed batch fails each of its items and the next batch still runs", async () => {
    let calls = 0;
    const write = groupCommit(async (items: number[]) => {
      calls++;
      if (calls === 1) throw new Error("disk full");
      return items;
    });
    const failed = Promise.allSettled([write(1), write(2)]);
    expect((await failed).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await write(3)).toBe(3);
  });

  it("splits a large burst into batches of at most maxBatch", async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 3);
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => write(n)));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it("refuses a flush that answers the wrong number of results", async () => {
    const write = groupCommit(async (_items: number[]) => [] as number[]);
    await expect(write(1)).rejects.toThrow(/0 results for 1 items/);
  });
});
