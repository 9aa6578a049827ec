// Parsers for the batch commands' values, and the create request built from them
// (the file read and parsed here too) — all before any database opens.
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { InvalidArgumentError } from "commander";
import { FlaggedSelection, MAX_BATCH_ROWS } from "../domain/batch.js";
import { AppError } from "../domain/errors.js";
import type { BatchRequest } from "../server/batch/create.js";
import { MAX_FILE_BYTES, parseSubjectsFile } from "../server/batch/subjects-file.js";

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

export interface CreateArguments {
  flagged?: boolean;
  flagSource?: string;
  minScore?: number;
  since?: string;
  until?: string;
  category?: string;
  notReviewedSince?: string;
  limit?: number;
  file?: string;
}

const SELECTION_FLAGS = {
  flagSource: "--flag-source",
  minScore: "--min-score",
  since: "--since",
  until: "--until",
  category: "--category",
  notReviewedSince: "--not-reviewed-since",
  limit: "--limit",
} as const;

/** The batch the options ask for; usage errors (exit 2) for a bad combination or file. */
export function batchRequest(options: CreateArguments): BatchRequest {
  if (Boolean(options.flagged) === Boolean(options.file))
    throw new AppError(
      "bad_argument",
      "say which subjects: --flagged or --file <path> (one of them)",
    );
  const given = Object.entries(SELECTION_FLAGS).filter(
    ([name]) => options[name as keyof CreateArguments] !== undefined,
  );
  if (options.file) {
    if (given.length > 0)
      throw new AppError(
        "bad_argument",
        `${given.map(([, flag]) => flag).join(", ")} ${given.length > 1 ? "go" : "goes"} with --flagged, not --file`,
      );
    return readSubjectsFile(options.file);
  }
  if (options.since && options.until && options.since >= options.until)
    throw new AppError("bad_argument", "--since must be before --until");
  const selection = FlaggedSelection.parse(
    Object.fromEntries(given.map(([name]) => [name, options[name as keyof CreateArguments]])),
  );
  return { kind: "flagged", selection };
}

function readSubjectsFile(path: string): BatchRequest {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError("bad_argument", `--file ${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_argument", `cannot read --file ${path}: ${(error as Error).message}`);
  }
  if (size > MAX_FILE_BYTES)
    throw new AppError(
      "bad_argument",
      `--file ${path} is larger than ${MAX_FILE_BYTES} bytes; split it`,
    );
  const name = basename(path);
  const { format, rows } = parseSubjectsFile(name, readFileSync(path, "utf8"));
  return { kind: "file", name, format, rows };
}
