// Progress on long work: on by default when a person is watching (stdout and stderr
// both terminals, no --json), off when the output is piped, captured or JSON, so
// scripts get only the result. --progress forces it on (the crash trials read its
// step lines), --no-progress off. Progress always goes to stderr.

import { Option } from "commander";

export interface ProgressOptions {
  progress?: boolean;
  json?: boolean;
}

/** Prints one line of progress, or nothing when progress is off. */
export type Progress = ((line: string) => void) & { enabled: boolean };

export function progressWanted(options: ProgressOptions): boolean {
  if (options.progress !== undefined) return options.progress;
  return !options.json && Boolean(process.stdout.isTTY) && Boolean(process.stderr.isTTY);
}

export function progressReporter(options: ProgressOptions): Progress {
  const enabled = progressWanted(options);
  const report = (line: string) => {
    if (enabled) process.stderr.write(`${line}\n`);
  };
  return Object.assign(report, { enabled });
}

/** --progress, for a command that does long work (with noProgressOption). */
export function progressOption(): Option {
  return new Option("--progress", "print progress to stderr even when not on a terminal");
}

/** --no-progress: quiet even on a terminal. */
export function noProgressOption(): Option {
  return new Option("--no-progress", "print no progress, even on a terminal");
}
