// The typology catalogue is the one place a typology is described: every typology
// has an entry, a playbook in the knowledge base, its own indicators and a model,
// and the prompts' typology lists are made from it.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { suspectedTypologies } from "../../../agents/planner/playbooks.js";
import { MODELS } from "../../../agents/reasoning/model.js";
import { KB_DIR } from "../../../db/corpus/knowledge-base.js";
import { TYPOLOGIES } from "../../../domain/typology.js";
import { TYPOLOGY_CATALOG } from "../../../domain/typology-catalog.js";
import { PLANNER_PROMPT } from "../../../prompts/planner.js";
import { REASONING_PROMPT } from "../../../prompts/reasoning.js";
import { INDICATORS_BY_TYPOLOGY } from "../../../tools/indicators/catalog/index.js";

describe("the typology catalogue", () => {
  it("gives every typology a playbook file, indicators of its own and a reasoner model", () => {
    for (const typology of TYPOLOGIES) {
      expect(existsSync(`${KB_DIR}${TYPOLOGY_CATALOG[typology].playbook}`), typology).toBe(true);
      expect(INDICATORS_BY_TYPOLOGY[typology].length, typology).toBeGreaterThan(0);
      expect(
        INDICATORS_BY_TYPOLOGY[typology].every((i) => i.id.startsWith(`${typology}.`)),
        typology,
      ).toBe(true);
      expect(MODELS.find((m) => m.typology === typology)?.terms.length, typology).toBeGreaterThan(
        0,
      );
    }
  });

  it("is what the prompts list and what the offline planner reads", () => {
    for (const typology of TYPOLOGIES) {
      expect(REASONING_PROMPT.system).toContain(
        `${typology}: ${TYPOLOGY_CATALOG[typology].signals}`,
      );
      expect(PLANNER_PROMPT.system).toContain(typology);
      for (const source of TYPOLOGY_CATALOG[typology].flagSources)
        expect(suspectedTypologies("", [], [source])).toEqual([typology]);
    }
    expect(suspectedTypologies("the shop pays for fake reviews", [], [])).toEqual(["brushing"]);
  });
});
