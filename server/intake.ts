// Intake: the one use case every door calls (REST, the CLI; batch, Slack and the
// console next). It validates the request, refuses one the warehouse cannot answer
// (an as-of outside its data, an unfinished seed), stores the case — idempotent on
// the door's key, starting its audit chain — and hands it to the queue when there is
// one. Doors only translate their input and call it; none writes a case itself.
import type { CaseOutcome, CaseRunner } from "../controller/run-case.js";
import { createCase, type StoredCase } from "../db/repositories/cases.js";
import type { Database } from "../db/types.js";
import { type CaseInput, CaseInput as CaseInputSchema, type CaseSource } from "../domain/case.js";
import { AppError, isAppError } from "../domain/errors.js";
import type { CaseQueue } from "./worker/case-queue.js";

export interface IntakeDeps {
  /** The case store. */
  db: Database;
  /** Refuses a request the warehouse cannot answer (CaseRunner.admit). */
  admit: (request: CaseInput) => Promise<void>;
  /** Where the investigation is queued; absent when the door drives the case itself (the CLI). */
  queue?: CaseQueue;
  /** Told of a new case (event streams wake). */
  notify?: (caseId: string) => void;
  now: () => Date;
}

export interface SubmitOptions {
  /** Who submits, for the audit chain ("api:<key name> [<key id>]", "cli", a Slack user). */
  actor: string;
  /** Where the escalation comes from; a door that knows (batch, Slack) sets it over the request's. */
  source?: ReturnType<typeof CaseSource.parse>;
  /** The stored idempotency key, already scoped by the door (same key, same case). */
  idempotencyKey?: string;
  /** The key as the client sent it, for messages (the stored one may carry a scope). */
  clientKey?: string;
}

export interface Submitted {
  case: StoredCase;
  /** True when the key named a case stored before: nothing new was stored or queued. */
  replayed: boolean;
}

export async function submitCase(
  deps: IntakeDeps,
  input: unknown,
  options: SubmitOptions,
): Promise<Submitted> {
  const parsed = CaseInputSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "bad_argument",
      `the case is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "case"}: ${i.message}`).join("; ")}`,
    );
  const request: CaseInput = options.source
    ? { ...parsed.data, source: options.source }
    : parsed.data;
  await deps.admit(request);
  const { case: stored, created } = await createCase(deps.db, request, {
    actor: options.actor,
    ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    ...(options.clientKey === undefined ? {} : { clientKey: options.clientKey }),
    now: deps.now,
  });
  if (created) deps.notify?.(stored.id);
  if (deps.queue && stored.status === "queued") {
    try {
      await deps.queue.enqueue(stored.id);
    } catch (error) {
      // Stopping, or the queue out of reach: the case is stored as queued and a
      // worker's sweeper hands it to the queue (a worker sweeps when it starts, too).
      if (!isAppError(error, "unavailable")) throw error;
    }
  }
  return { case: stored, replayed: !created };
}

/**
 * For a door that investigates in its own process (the CLI, benches): intake with no
 * queue, then the case driven here to its verdict (or its stored one, for a key seen before).
 */
export async function submitAndDrive(
  runner: CaseRunner,
  db: Database,
  input: unknown,
  options: SubmitOptions & { now?: () => Date },
): Promise<CaseOutcome> {
  const { case: stored } = await submitCase(
    { db, admit: (request) => runner.admit(request), now: options.now ?? (() => new Date()) },
    input,
    options,
  );
  return runner.drive(stored.id);
}
