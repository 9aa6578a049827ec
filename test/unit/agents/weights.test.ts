import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseWeights,
  priorWeights,
  SHIPPED_WEIGHTS_URL,
  shippedWeights,
  weightsVersion,
} from "../../../agents/reasoning/weights.js";
import { isAppError } from "../../../domain/errors.js";

describe("the reasoner's weights file", () => {
  it("ships a file that loads and names a version derived from its numbers", () => {
    const shipped = shippedWeights();
    expect(shipped.version).toBe(weightsVersion(shipped.typologies));
    expect(parseWeights(readFileSync(SHIPPED_WEIGHTS_URL, "utf8"), "x").version).toBe(
      shipped.version,
    );
  });

  it("gives the same numbers the same version, and other numbers another", () => {
    const a = priorWeights();
    const b = priorWeights();
    expect(a.version).toBe(b.version);
    b.typologies.brushing.bias -= 0.5;
    expect(weightsVersion(b.typologies)).not.toBe(a.version);
  });

  it("refuses a file edited by hand (its version no longer matches)", () => {
    const edited = priorWeights();
    edited.typologies.collusion.bias = 0;
    expect(() => parseWeights(JSON.stringify(edited), "edited.json")).toThrow(/does not match/);
  });

  it("refuses weights for indicators the model does not read, naming them", () => {
    const other = priorWeights();
    other.typologies.click_farm.terms[0] = {
      indicator: "click_farm.made_up",
      level: 1,
      tail: 0,
      far: 0,
    };
    other.version = weightsVersion(other.typologies);
    let error: unknown;
    try {
      parseWeights(JSON.stringify(other), "other.json");
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "bad_argument")).toBe(true);
    expect((error as Error).message).toMatch(/click_farm\.made_up.*train again/);
  });

  it("refuses what is not JSON or not a weights file with one clear line", () => {
    expect(() => parseWeights("{nope", "bad.json")).toThrow(/bad.json is not JSON/);
    expect(() => parseWeights('{"format":"x"}', "bad.json")).toThrow(
      /not a casehound weights file/,
    );
  });
});
