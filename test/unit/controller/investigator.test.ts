import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createInvestigator } from "../../../controller/investigate.js";
import type { Database } from "../../../db/types.js";
import { isAppError } from "../../../domain/errors.js";

describe("the investigator's model seam", () => {
  it("refuses models for a role until LLM mode exists, instead of silently ignoring them", () => {
    const warehouse = {} as Database;
    let caught: unknown;
    try {
      createInvestigator({
        warehouse,
        models: { planner: new FakeListChatModel({ responses: ["{}"] }) },
      });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "config_invalid")).toBe(true);
    expect((caught as Error).message).toContain("models were given for planner");
  });

  it("builds an offline investigator when no model is given", () => {
    expect(typeof createInvestigator({ warehouse: {} as Database, models: {} })).toBe("function");
  });
});
