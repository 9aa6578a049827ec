// Parsers for the batch commands' values, run by commander while it reads the
// arguments: plain checks, no schema library, so a usage error answers at once.
// The create request built from them is cli/batch-request.ts.
import { InvalidArgumentError } from "commander";
import { AppError } from "../domain/errors.js";
import { MAX_BATCH_ROWS } from "../domain/vocabulary.js";

export function parseScore(value: string): number {
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value))
    throw new InvalidArgumentError("must be a score from 0 to 1, e.g. 0.8.");
  return Number(value);
}

export function parseLimit(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > MAX_BATCH_ROWS)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_BATCH_ROWS}.`);
  return Number(value);
}

export function parseInstant(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError("must be an ISO date or date-time, e.g. 2026-11-01T00:00:00Z.");
  return new Date(value).toISOString();
}

export function parseKey(value: string): string {
  if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(value))
    throw new InvalidArgumentError("must be 1 to 200 letters, digits or _ . : -.");
  return value;
}

/** A batch id argument (checked in the action: commander has no parser for arguments' errors here). */
export function batchIdArgument(value: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(value))
    throw new AppError(
      "bad_argument",
      `"${value.slice(0, 80)}" must be a batch id (as \`casehound batch list\` shows)`,
    );
  return value;
}

export function parseText(value: string): string {
  if (value.trim() === "" || value.length > 200 || value.includes("\u0000"))
    throw new InvalidArgumentError("must be 1 to 200 characters.");
  return value.trim();
}
