// What model tokens cost, in US dollars per million tokens, for the verdict's cost
// line. The defaults are OpenAI's list prices for common models as published in
// 2025; prices change, so CASEHOUND_MODEL_PRICES overrides or extends them. A
// model that is not in the table (a local Ollama or vLLM model) costs 0.
import { z } from "zod";
import { AppError } from "../domain/errors.js";

export const Price = z.object({ input: z.number().min(0), output: z.number().min(0) });
export type Price = z.infer<typeof Price>;
export type PriceTable = Record<string, Price>;

export const DEFAULT_PRICES: PriceTable = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
};

/** The defaults with the JSON override merged over them; bad JSON is a config error naming the variable. */
export function priceTable(override: string | undefined): PriceTable {
  if (!override) return { ...DEFAULT_PRICES };
  let parsed: unknown;
  try {
    parsed = JSON.parse(override);
  } catch (error) {
    throw new AppError("config_invalid", `CASEHOUND_MODEL_PRICES is not JSON: ${String(error)}`);
  }
  const table = z.record(z.string().min(1), Price).safeParse(parsed);
  if (!table.success)
    throw new AppError(
      "config_invalid",
      `CASEHOUND_MODEL_PRICES must map model names to {"input": n, "output": n} per million tokens: ${table.error.issues[0]?.message ?? "invalid"}`,
    );
  return { ...DEFAULT_PRICES, ...table.data };
}

/** The cost of one call; a dated model name (gpt-4o-mini-2024-07-18) is priced as its base name. */
export function costOf(
  prices: PriceTable,
  model: string,
  tokens: { input: number; output: number },
): number {
  const price =
    prices[model] ??
    Object.entries(prices)
      .filter(([name]) => model.startsWith(`${name}-`))
      .sort((a, b) => b[0].length - a[0].length)[0]?.[1];
  if (!price) return 0;
  return (tokens.input * price.input + tokens.output * price.output) / 1_000_000;
}
