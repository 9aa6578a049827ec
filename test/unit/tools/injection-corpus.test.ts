// The injection scanner against its corpus (test/fixtures/injection): attack texts in 18
// languages and their disguised copies must be detected, benign seller texts in 23
// languages must stay quiet. The rates are printed; the floors sit a little below what
// was measured when the corpus was written, so a regression fails and the figures in the
// README stay honest.
import { describe, expect, it } from "vitest";
import { scanForInjection } from "../../../tools/untrusted/scan.js";
import { type CorpusText, loadCorpus } from "../../fixtures/injection/corpus.js";

const DETECTION_FLOOR = 0.97;
const FALSE_POSITIVE_CEILING = 0.01;

const { attacks, benign } = loadCorpus();
const flagged = (t: CorpusText) => scanForInjection(t.text).length > 0;

function rateBy(texts: readonly CorpusText[], key: (t: CorpusText) => string): string {
  const groups = new Map<string, { n: number; hit: number }>();
  for (const t of texts) {
    const g = groups.get(key(t)) ?? { n: 0, hit: 0 };
    g.n++;
    if (flagged(t)) g.hit++;
    groups.set(key(t), g);
  }
  return [...groups].map(([k, g]) => `${k} ${g.hit}/${g.n}`).join(", ");
}

describe("the injection scanner on its corpus", () => {
  it("holds at least 300 attack and 300 benign texts in at least 15 languages each", () => {
    expect(attacks.length).toBeGreaterThanOrEqual(300);
    expect(benign.length).toBeGreaterThanOrEqual(300);
    expect(new Set(attacks.map((a) => a.lang)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(benign.map((b) => b.lang)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(attacks.map((a) => a.text)).size).toBe(attacks.length);
  });

  it(`detects at least ${DETECTION_FLOOR} of the attacks, disguised or not`, () => {
    const missed = attacks.filter((a) => !flagged(a));
    const rate = 1 - missed.length / attacks.length;
    process.stdout.write(
      `injection corpus: detection ${rate.toFixed(3)} (${attacks.length - missed.length}/${attacks.length}); by disguise: ${rateBy(attacks, (a) => a.disguise ?? "none")}\n`,
    );
    expect(rate, missed.map((m) => m.text).join("\n")).toBeGreaterThanOrEqual(DETECTION_FLOOR);
  });

  it(`flags at most ${FALSE_POSITIVE_CEILING} of the benign seller texts`, () => {
    const flaggedBenign = benign.filter(flagged);
    const rate = flaggedBenign.length / benign.length;
    process.stdout.write(
      `injection corpus: false positives ${rate.toFixed(3)} (${flaggedBenign.length}/${benign.length}): ${flaggedBenign.map((b) => JSON.stringify(b.text)).join(" ")}\n`,
    );
    expect(rate).toBeLessThanOrEqual(FALSE_POSITIVE_CEILING);
  });

  it("says which normalisation revealed a disguised attack", () => {
    const revealed = (disguise: string) =>
      attacks
        .filter((a) => a.disguise === disguise)
        .flatMap((a) => scanForInjection(a.text).map((s) => s.revealed_by ?? ""));
    expect(revealed("cyrillic_greek")).toContain("after confusable skeleton");
    expect(revealed("reversed")).toContain("reversed text");
    expect(revealed("base64")).toContain("base64-decoded");
    expect(revealed("spaced_flat")).toContain("after joining letter-spaced or hyphen-split words");
    expect(revealed("fullwidth")).toContain("after NFKC compatibility folding");
  });
});
