import { ChatOpenAI } from "@langchain/openai";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../../../config/env.js";
import {
  createChatModels,
  investigatorModels,
  isOffline,
  modelConfig,
  parseModelSpec,
} from "../../../config/models.js";
import { costOf, priceTable } from "../../../config/prices.js";
import { isAppError } from "../../../domain/errors.js";

const config = (vars: Record<string, string>) => modelConfig(loadEnv(vars));

describe("model configuration", () => {
  it("is offline when no model is named", () => {
    const c = config({});
    expect(isOffline(c)).toBe(true);
    expect(investigatorModels(loadEnv({})).models).toEqual({});
  });

  it("reads provider:model, a bare name as openai, and 'offline' as no model", () => {
    expect(parseModelSpec("openai:gpt-4o-mini", "X")).toEqual({
      provider: "openai",
      model: "gpt-4o-mini",
      label: "openai:gpt-4o-mini",
    });
    expect(parseModelSpec("gpt-4.1", "X")?.label).toBe("openai:gpt-4.1");
    expect(parseModelSpec("offline", "X")).toBeNull();
  });

  it("refuses an unknown provider, naming the variable", () => {
    let caught: unknown;
    try {
      config({ CASEHOUND_MODEL_SQL: "anthropic:claude", OPENAI_API_KEY: "k" });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "config_invalid")).toBe(true);
    expect((caught as Error).message).toContain("CASEHOUND_MODEL_SQL: unknown provider");
  });

  it("lets each role override the default, or stay offline", () => {
    const c = config({
      CASEHOUND_MODEL: "openai:gpt-4o-mini",
      CASEHOUND_MODEL_REASONING: "openai:gpt-4.1",
      CASEHOUND_MODEL_REFLECTION: "offline",
      OPENAI_API_KEY: "sk-test",
    });
    expect(c.roles.planner?.label).toBe("openai:gpt-4o-mini");
    expect(c.roles.reasoning?.label).toBe("openai:gpt-4.1");
    expect(c.roles.reflection).toBeUndefined();
    const models = createChatModels(c);
    expect(models.planner).toBeInstanceOf(ChatOpenAI);
    expect(models.planner).toBe(models.sql);
    expect(models.reasoning).not.toBe(models.planner);
  });

  it("needs OPENAI_API_KEY for OpenAI itself but not for a local OpenAI-compatible server", () => {
    expect(() => config({ CASEHOUND_MODEL: "gpt-4o-mini" })).toThrow(/OPENAI_API_KEY/);
    const local = config({
      CASEHOUND_MODEL: "openai:llama3.1",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
    });
    expect(local.openai.baseURL).toBe("http://127.0.0.1:11434/v1");
    expect(() => loadEnv({ OPENAI_BASE_URL: "ftp://x" })).toThrow(/OPENAI_BASE_URL/);
  });

  it("prices tokens from the table, a dated model as its base name, an unknown model at 0", () => {
    const prices = priceTable('{"my-model": {"input": 1, "output": 2}}');
    expect(costOf(prices, "my-model", { input: 1_000_000, output: 500_000 })).toBe(2);
    expect(costOf(prices, "gpt-4o-mini-2024-07-18", { input: 1_000_000, output: 0 })).toBe(0.15);
    expect(costOf(prices, "llama3.1", { input: 5_000, output: 5_000 })).toBe(0);
    expect(() => priceTable("{not json")).toThrow(/CASEHOUND_MODEL_PRICES is not JSON/);
    expect(() => priceTable('{"m": {"input": -1, "output": 0}}')).toThrow(/CASEHOUND_MODEL_PRICES/);
  });
});
