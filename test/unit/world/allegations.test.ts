// The allegation an analyst escalates with, as a variant world's labels record it,
// and how the evaluation uses it; label files from before it still parse.
import { describe, expect, it } from "vitest";
import { allegationFor } from "../../../cli/eval/run.js";
import type { Database } from "../../../db/types.js";
import { draftAllegation, plainAllegation } from "../../../world/allegations.js";
import { LabelledSubject, WorldLabels } from "../../../world/labels.js";
import { Rng } from "../../../world/rng.js";

const flag = {
  source: "risk_model:review_integrity",
  reason: "review velocity anomaly on recent orders",
};

describe("allegations", () => {
  it("are worded in every style: the flag's reason, another typology, lay words, routine", () => {
    const rng = new Rng(3);
    const drafts = Array.from({ length: 400 }, () => draftAllegation(rng, "brushing", flag));
    expect(new Set(drafts.map((d) => d.style))).toEqual(
      new Set(["plain", "misleading", "lay", "routine"]),
    );
    for (const d of drafts.filter((x) => x.style === "plain"))
      expect(d.text).toBe(plainAllegation(flag.reason));
    for (const d of drafts.filter((x) => x.style === "misleading"))
      expect(d.text).not.toMatch(/brush|self-purchas/i);
    expect(drafts.filter((d) => d.style === "lay").map((d) => d.text)).toContain(
      "the reviews on this shop look fake",
    );
    for (const d of drafts) expect(d.text.trim().length).toBeGreaterThan(0);
  });

  it("use lay words chosen by the flag, never by the truth", () => {
    const guilty = Array.from({ length: 50 }, (_, i) =>
      draftAllegation(new Rng(i), "brushing", flag),
    );
    const innocent = Array.from({ length: 50 }, (_, i) =>
      draftAllegation(new Rng(i), "none", flag),
    );
    const lay = (list: typeof guilty) => list.map((d) => (d.style === "lay" ? d.text : null));
    expect(lay(innocent)).toEqual(lay(guilty));
  });

  it("are what the evaluation sends when the labels carry one, and the flags otherwise", async () => {
    const db = {
      query: async () => ({ rows: [{ reason: "dense buyer-seller overlap" }] }),
    } as unknown as Database;
    const base = LabelledSubject.parse({
      subject: { type: "seller", id: "slr_1" },
      typology: "collusion",
      intensity: "subtle",
      kind: "collusion",
      role: "primary",
      flagged: true,
    });
    expect(await allegationFor(db, { ...base, allegation: "Routine re-review" })).toBe(
      "Routine re-review",
    );
    expect(await allegationFor(db, base)).toBe("Flagged for review: dense buyer-seller overlap");
    expect(await allegationFor(db, { ...base, allegation: "  " })).toBe(
      "Flagged for review: dense buyer-seller overlap",
    );
  });

  it("leave label files from before them readable: the new fields default to null and classic", () => {
    const labels = WorldLabels.parse({
      generator: "casehound-world/2",
      seed: 42,
      size: "small",
      as_of: "2026-11-01T00:00:00.000Z",
      content_hash: "x",
      subjects: [
        {
          subject: { type: "seller", id: "slr_1" },
          typology: "none",
          intensity: null,
          kind: "viral_seller",
          role: "primary",
          flagged: true,
        },
      ],
    });
    expect(labels.variants).toBe("classic");
    expect(labels.background).toBe("classic");
    expect(labels.subjects[0]).toMatchObject({
      channel: null,
      variant: null,
      allegation: null,
      allegation_style: null,
    });
  });
});
