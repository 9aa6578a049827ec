// Which chat model fills each role, and the embedding model, from the environment.
// A model is named "provider:model" (a bare name means provider openai). The only
// provider is OpenAI's API through @langchain/openai, which also reaches any
// OpenAI-compatible server (vLLM, Ollama, llama.cpp, Azure's v1 endpoint) through
// OPENAI_BASE_URL. No model configured: offline mode, and the verdict says so.
//
// Clients are built with retries off: casehound retries itself (tools/model), with
// jitter, within the case's budget, and for a 429 with or without Retry-After.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { AppError } from "../domain/errors.js";
import { MODEL_ROLES, type ModelRole } from "../domain/model-role.js";
import type { Env } from "./env.js";
import { type PriceTable, priceTable } from "./prices.js";

export const PROVIDERS = ["openai"] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface ModelSpec {
  provider: Provider;
  model: string;
  /** provider:model, as the verdict and the audit name it. */
  label: string;
}

export interface ModelConfig {
  /** The roles that have a model; the others run offline. */
  roles: Partial<Record<ModelRole, ModelSpec>>;
  embedding: ModelSpec | null;
  openai: { apiKey: string; baseURL: string | undefined };
  timeoutMs: number;
  retries: number;
  prices: PriceTable;
}

const ROLE_VARIABLE: Record<ModelRole, keyof Env> = {
  planner: "CASEHOUND_MODEL_PLANNER",
  sql: "CASEHOUND_MODEL_SQL",
  reasoning: "CASEHOUND_MODEL_REASONING",
  reflection: "CASEHOUND_MODEL_REFLECTION",
  web: "CASEHOUND_MODEL_WEB",
};

/** "openai:gpt-4o-mini" or "gpt-4o-mini"; "offline" (or "none") means no model. */
export function parseModelSpec(text: string, variable: string): ModelSpec | null {
  const value = text.trim();
  if (value === "offline" || value === "none") return null;
  const colon = value.indexOf(":");
  const provider = colon > 0 ? value.slice(0, colon) : "openai";
  const model = colon > 0 ? value.slice(colon + 1).trim() : value;
  if (!(PROVIDERS as readonly string[]).includes(provider))
    throw new AppError(
      "config_invalid",
      `${variable}: unknown provider "${provider}" (known: ${PROVIDERS.join(", ")}; an OpenAI-compatible server is openai:<model> with OPENAI_BASE_URL)`,
    );
  if (!/^[\w.:/@-]{1,200}$/.test(model))
    throw new AppError("config_invalid", `${variable}: "${model}" is not a model name`);
  return { provider: provider as Provider, model, label: `${provider}:${model}` };
}

export function modelConfig(env: Env): ModelConfig {
  const roles: Partial<Record<ModelRole, ModelSpec>> = {};
  for (const role of MODEL_ROLES) {
    const variable = ROLE_VARIABLE[role];
    const text = (env[variable] as string | undefined) ?? env.CASEHOUND_MODEL;
    const spec = text ? parseModelSpec(text, env[variable] ? variable : "CASEHOUND_MODEL") : null;
    if (spec) roles[role] = spec;
  }
  const embedding = env.CASEHOUND_EMBEDDING_MODEL
    ? parseModelSpec(env.CASEHOUND_EMBEDDING_MODEL, "CASEHOUND_EMBEDDING_MODEL")
    : null;
  const needsKey = (Object.keys(roles).length > 0 || embedding) && !env.OPENAI_BASE_URL;
  if (needsKey && !env.OPENAI_API_KEY)
    throw new AppError(
      "config_invalid",
      "a model is configured but OPENAI_API_KEY is not set (set it, or OPENAI_BASE_URL for a local OpenAI-compatible server)",
    );
  return {
    roles,
    embedding,
    // A local server usually wants no key, but the client insists on one.
    openai: { apiKey: env.OPENAI_API_KEY ?? "not-needed", baseURL: env.OPENAI_BASE_URL },
    timeoutMs: env.CASEHOUND_MODEL_TIMEOUT_MS,
    retries: env.CASEHOUND_MODEL_RETRIES,
    prices: priceTable(env.CASEHOUND_MODEL_PRICES),
  };
}

export function isOffline(config: ModelConfig): boolean {
  return Object.keys(config.roles).length === 0;
}

/** One chat client per configured role (roles naming the same model share a client). */
export function createChatModels(config: ModelConfig): Partial<Record<ModelRole, BaseChatModel>> {
  const clients = new Map<string, BaseChatModel>();
  const models: Partial<Record<ModelRole, BaseChatModel>> = {};
  for (const [role, spec] of Object.entries(config.roles) as [ModelRole, ModelSpec][]) {
    let client = clients.get(spec.label);
    if (!client) {
      client = new ChatOpenAI({
        model: spec.model,
        apiKey: config.openai.apiKey,
        configuration: config.openai.baseURL ? { baseURL: config.openai.baseURL } : {},
        maxRetries: 0,
        timeout: config.timeoutMs,
      });
      clients.set(spec.label, client);
    }
    models[role] = client;
  }
  return models;
}

export function createEmbeddings(config: ModelConfig): OpenAIEmbeddings | null {
  if (!config.embedding) return null;
  return new OpenAIEmbeddings({
    model: config.embedding.model,
    apiKey: config.openai.apiKey,
    configuration: config.openai.baseURL ? { baseURL: config.openai.baseURL } : {},
    maxRetries: 2,
    timeout: config.timeoutMs,
  });
}

/** What an investigator needs to run in LLM mode (nothing when offline). */
export function investigatorModels(env: Env) {
  const config = modelConfig(env);
  return {
    models: createChatModels(config),
    modelLabels: Object.fromEntries(
      Object.entries(config.roles).map(([role, spec]) => [role, spec.label]),
    ) as Partial<Record<ModelRole, string>>,
    modelSettings: {
      prices: config.prices,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
    },
  };
}
