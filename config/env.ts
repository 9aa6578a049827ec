// The only reader of process.env. Everything else receives a parsed, typed Env.
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../domain/errors.js";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: "must be a postgres:// or postgresql:// URL",
  })
  .refine((value) => URL.canParse(value), { message: "is not a parseable URL" });

const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
    message: "must be an http:// or https:// URL",
  });

export const EnvSchema = z.object({
  /** Server PostgreSQL (with pgvector). Unset: the embedded PGlite database. */
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** The risk warehouse the agents read. Unset: the same database as DATABASE_URL. */
  WAREHOUSE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** Where the embedded database and local files (labels, caches) live. */
  CASEHOUND_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./.casehound")),
  /** A weights file `casehound train` wrote, for the offline reasoner. Unset: the shipped weights. */
  CASEHOUND_WEIGHTS_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Server PostgreSQL used by the *.int.test.ts suites; unset: they are skipped. */
  TEST_DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** Set (to `true`) by CI: a test that needs a tool CI installs fails instead of skipping without it. */
  CI: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Chromium the console's browser tests drive (Debian's package, scripts/ensure-chromium.sh). */
  CHROMIUM_PATH: z.preprocess(emptyAsUndefined, z.string().default("/usr/bin/chromium")),
  /** Test tier: `full` runs the heavy trials (load, crash) at full size, as CI does; else smaller. */
  CASEHOUND_TEST_TIER: z.preprocess(emptyAsUndefined, z.enum(["quick", "full"]).default("quick")),
  /** How long a running case's lease lasts without renewal; a dead process's run is taken over after it. */
  CASEHOUND_RUN_LEASE_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  ),
  /**
   * How old (in hours, before a case's as-of) a baseline snapshot may be for the case
   * to compare against it; with none that fresh, one is computed for the case's as-of.
   */
  CASEHOUND_BASELINE_FRESHNESS_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .min(0)
      .max(24 * 366)
      .default(24),
  ),
  /** The REST API's port (`casehound serve`, `npm start`). */
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  /** The address the REST API listens on; 0.0.0.0 to accept connections from elsewhere. */
  CASEHOUND_HOST: z.preprocess(emptyAsUndefined, z.string().trim().min(1).default("127.0.0.1")),
  /** Cases the server investigates at once. */
  CASEHOUND_WORKERS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(64).default(2),
  ),
  /** Requests per second each API key may make (sustained), and its burst. */
  CASEHOUND_API_RATE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().positive().max(100_000).default(20),
  ),
  CASEHOUND_API_BURST: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(100),
  ),
  /** How long a stopping server lets running cases finish before pausing them. */
  CASEHOUND_SHUTDOWN_GRACE_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(600_000).default(10_000),
  ),
  /** The chat model for every role, as provider:model (e.g. openai:gpt-4o-mini). Unset: offline mode. */
  CASEHOUND_MODEL: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  /** Per-role overrides of CASEHOUND_MODEL (`offline` keeps a role deterministic). */
  CASEHOUND_MODEL_PLANNER: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  CASEHOUND_MODEL_SQL: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  CASEHOUND_MODEL_REASONING: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  CASEHOUND_MODEL_REFLECTION: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  CASEHOUND_MODEL_WEB: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  /** The embedding model, as provider:model (used by the search layer). Unset: local word vectors. */
  CASEHOUND_EMBEDDING_MODEL: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  /** Any OpenAI-compatible server (vLLM, Ollama, llama.cpp, Azure's v1 endpoint). */
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  /** How long one model request may take before it is abandoned (and perhaps retried). */
  CASEHOUND_MODEL_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(600_000).default(60_000),
  ),
  /** Retries of a model request after a 429, a 5xx, a timeout or a network error. */
  CASEHOUND_MODEL_RETRIES: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(10).default(3),
  ),
  /** Prices per million tokens, JSON: {"model": {"input": 0.15, "output": 0.6}}; merged over the defaults. */
  CASEHOUND_MODEL_PRICES: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Where derived files shared by every data directory live (the word-vector cache). */
  CASEHOUND_CACHE_DIR: z.preprocess(
    emptyAsUndefined,
    z.string().default(join(homedir(), ".cache", "casehound")),
  ),
  /** Tavily web search; with a key, investigations search the web through it too. */
  TAVILY_API_KEY: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  /** Tavily's API address (a proxy, or a test server). */
  TAVILY_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.default("https://api.tavily.com")),
  /** A SearxNG instance (with the json format enabled); investigations search through it too. */
  SEARXNG_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  /** How long one web-search request may take, and how often a 429/5xx/timeout is retried. */
  CASEHOUND_SEARCH_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(120_000).default(10_000),
  ),
  CASEHOUND_SEARCH_RETRIES: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(5).default(2),
  ),
  /** The Slack bot's token (xoxb-…); with SLACK_SIGNING_SECRET, `serve` mounts the bot at /slack/events. */
  SLACK_BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^xoxb-[\w-]+$/, "must be a bot token (xoxb-…)")
      .optional(),
  ),
  /** The Slack app's signing secret: every request to /slack/events must carry its signature. */
  SLACK_SIGNING_SECRET: z.preprocess(emptyAsUndefined, z.string().trim().min(8).optional()),
  /** An app-level token (xapp-…, scope connections:write) for `casehound slack` (Socket Mode). */
  SLACK_APP_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^xapp-[\w-]+$/, "must be an app-level token (xapp-…)")
      .optional(),
  ),
  /** The channel id (C…) verdicts of Slack investigations fall back to and batch summaries go to. */
  CASEHOUND_SLACK_CHANNEL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id such as C0123ABCD")
      .optional(),
  ),
  /**
   * Who may use the bot: Slack user ids (U…/W…) and user-group ids (S…) with a role,
   * `U0123ABCD=analyst,S0456EFGH=viewer` (analysts investigate and review; viewers only ask).
   */
  CASEHOUND_SLACK_ROLES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(
        /^[UWS][A-Z0-9]{2,}=(analyst|viewer)(\s*,\s*[UWS][A-Z0-9]{2,}=(analyst|viewer))*$/,
        "must read like U0123ABCD=analyst,S0456EFGH=viewer",
      )
      .optional(),
  ),
  /** Slack's Web API address: a proxy, GovSlack (https://slack-gov.com/api/), a test's stand-in. */
  CASEHOUND_SLACK_API_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  /** Where people reach this server (https://casehound.example.com): links to case pages in Slack. */
  CASEHOUND_PUBLIC_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; a bad value is a config_invalid error naming each variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new AppError("config_invalid", `invalid environment: ${problems.join("; ")}`, {
    details: { problems },
  });
}
