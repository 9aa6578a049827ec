// The batch a `casehound batch create` asks for, built from its parsed options (the
// subjects file read and parsed here too) — before any database opens. Loaded when
// the command runs: the batch schemas are not needed to read the arguments.
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { FlaggedSelection } from "../domain/batch.js";
import { AppError } from "../domain/errors.js";
import type { BatchRequest } from "../server/batch/create.js";
import { MAX_FILE_BYTES, parseSubjectsFile } from "../server/batch/subjects-file.js";

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
