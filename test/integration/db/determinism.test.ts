import { describe, expect, it } from "vitest";
import { generateRows } from "../../../world/generate-rows.js";
import { DEFAULT_AS_OF } from "../../../world/sizes.js";

const asOf = Date.parse(DEFAULT_AS_OF);
const discard = async () => {};

describe("the demo world generator", () => {
  it("gives the same content hash and labels for the same seed, and a different world for another", async () => {
    const a = await generateRows({ size: "small", seed: 42, asOf }, discard);
    const b = await generateRows({ size: "small", seed: 42, asOf }, discard);
    const c = await generateRows({ size: "small", seed: 43, asOf }, discard);
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.subjects).toEqual(a.subjects);
    expect(c.contentHash).not.toBe(a.contentHash);
    expect(c.subjects.map((s) => s.subject.id)).not.toEqual(a.subjects.map((s) => s.subject.id));
  });
});
