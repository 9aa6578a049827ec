// A real casehound API for tests: the service on port 0 over a test database with
// the small demo world, a durable checkpointer, and one key per role — plus small
// HTTP helpers that speak to it over real sockets.

import { createLogger } from "../../config/logger.js";
import type { RoleModels } from "../../controller/deps.js";
import { createCaseRunner } from "../../controller/run-case.js";
import { openCheckpointer } from "../../db/checkpoint/open.js";
import { migrate } from "../../db/migrate.js";
import { createApiKey } from "../../db/repositories/api-keys.js";
import type { Database } from "../../db/types.js";
import type { Role } from "../../domain/api-key.js";
import { createCaseEvents } from "../../server/case-events.js";
import { type Service, type ServiceOptions, startService } from "../../server/service.js";
import { seedWorld } from "../../world/generate.js";
import type { WorldLabels } from "../../world/labels.js";

export interface TestApi {
  service: Service;
  url: string;
  keys: Record<Role, string>;
  /** Stops the service and the checkpointer (not the database). */
  stop(graceMs?: number): Promise<void>;
}

/** Migrates and seeds the small world (seed 42); returns its labels. */
export async function prepareWorld(db: Database): Promise<WorldLabels> {
  await migrate(db);
  return prepareWorldOnMigrated(db);
}

/** Seeds the small world (seed 42) into a migrated database; returns its labels. */
export async function prepareWorldOnMigrated(db: Database): Promise<WorldLabels> {
  return (await seedWorld(db, { size: "small", seed: 42 })).labels;
}

export async function startTestApi(
  db: Database,
  options: Partial<Omit<ServiceOptions, "db" | "runner" | "events" | "logger">> & {
    url?: string;
    leaseMs?: number;
    owner?: string;
    /** The warehouse the agents read (default: `db`). */
    warehouse?: Database;
    /** Chat models per role (LLM mode); none: offline. */
    models?: RoleModels;
  } = {},
): Promise<TestApi> {
  const checkpoints = await openCheckpointer(db, { connectionString: options.url });
  const events = createCaseEvents();
  const runner = createCaseRunner(db, {
    warehouse: options.warehouse ?? db,
    checkpointer: checkpoints.saver,
    leaseMs: options.leaseMs ?? 5_000,
    ...(options.owner ? { owner: options.owner } : {}),
    ...(options.models ? { models: options.models, modelSettings: { retries: 1 } } : {}),
    onEvent: (event) => events.notify(event.case_id),
  });
  const service = await startService({
    db,
    runner,
    events,
    logger: createLogger("silent"),
    eventPollMs: 200,
    ...options,
  });
  const keys = {} as Record<Role, string>;
  for (const role of ["service", "analyst", "admin"] as const)
    keys[role] = (
      await createApiKey(db, { name: `test-${role}`, role, createdBy: "test" }, new Date())
    ).token;
  return {
    service,
    url: service.url,
    keys,
    async stop(graceMs = 10_000) {
      await service.close(graceMs);
      await checkpoints.close();
    },
  };
}

/** The same database, answering each query `ms` later (a slow warehouse, to catch runs mid-way). */
export function slowed(db: Database, ms: number): Database {
  return {
    ...db,
    async query(sql, params) {
      await new Promise((r) => setTimeout(r, ms));
      return db.query(sql, params);
    },
  } as Database;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** One request; the body is parsed when the answer is JSON. */
export async function call(
  api: { url: string },
  method: string,
  path: string,
  options: { key?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: /json/.test(type) && text ? JSON.parse(text) : undefined,
  };
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Reads a server-sent event stream until the server ends it (or `timeoutMs`). */
export async function readEventStream(
  api: { url: string },
  path: string,
  key: string,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<{ status: number; contentType: string | null; events: SseEvent[] }> {
  const res = await fetch(`${api.url}${path}`, {
    headers: { authorization: `Bearer ${key}`, accept: "text/event-stream", ...headers },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const events: SseEvent[] = [];
  for (const block of text.split("\n\n")) {
    const event: SseEvent = { event: "message", data: "" };
    let seen = false;
    for (const line of block.split("\n")) {
      if (line.startsWith(":") || line === "") continue;
      const at = line.indexOf(":");
      const field = line.slice(0, at);
      const value = line.slice(at + 1).replace(/^ /, "");
      seen = true;
      if (field === "id") event.id = value;
      else if (field === "event") event.event = value;
      else if (field === "data") event.data += value;
    }
    if (seen) events.push(event);
  }
  return { status: res.status, contentType: res.headers.get("content-type"), events };
}

/** Polls a case until it leaves queued/running. */
export async function waitForCase(
  api: { url: string },
  key: string,
  caseId: string,
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(api, "GET", `/v1/cases/${caseId}`, { key });
    const body = answer.body as Record<string, unknown>;
    if (body && body.status !== "queued" && body.status !== "running") return body;
    if (Date.now() > until) throw new Error(`case ${caseId} still ${String(body?.status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
