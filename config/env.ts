// The only reader of process.env. Everything else receives a parsed, typed Env.
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

export const EnvSchema = z.object({
  /** Server PostgreSQL (with pgvector). Unset: the embedded PGlite database. */
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** The risk warehouse the agents read. Unset: the same database as DATABASE_URL. */
  WAREHOUSE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** Where the embedded database and local files (labels, caches) live. */
  CASEHOUND_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./.casehound")),
  /** Server PostgreSQL used by the *.int.test.ts suites; unset: they are skipped. */
  TEST_DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** How long a running case's lease lasts without renewal; a dead process's run is taken over after it. */
  CASEHOUND_RUN_LEASE_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(3_600_000).default(30_000),
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
