// Recorded observations. Everything a run learns from outside the graph — warehouse
// rows, corpus hits, baseline comparisons, clock readings — passes through a
// recorder, keyed by a hash of the request. Live, each request is answered once per
// run and the answer kept (in the case store when the run is stored), so a run that
// resumes after a crash sees exactly what it saw before. Replaying, only recorded
// answers exist: a request the original run never made is a divergence, not a query.
import { canonicalJson, sha256Hex } from "../domain/canonical-json.js";
import { AppError } from "../domain/errors.js";
import type { Recording } from "../domain/recording.js";

export type { Recording };

export interface Recorder {
  readonly replaying: boolean;
  /** The recorded answer to `request`, or (live only) `compute`'s, recorded. */
  observe<T>(tool: string, request: unknown, compute: () => Promise<T>): Promise<T>;
}

export function requestKey(tool: string, request: unknown): string {
  return sha256Hex(canonicalJson({ tool, request }));
}

function preview(text: string): string {
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

export interface RecorderOptions {
  /** Answers recorded earlier in this run (resume) or in the run being replayed. */
  recorded?: Iterable<Recording>;
  /** Keeps a new answer; absent, answers live only in memory. */
  save?: (recording: Recording) => Promise<void>;
  /** Answer only from `recorded`; never compute. */
  replay?: boolean;
}

export function createRecorder(options: RecorderOptions = {}): Recorder {
  const replaying = options.replay === true;
  const answers = new Map<string, Promise<string>>();
  for (const recording of options.recorded ?? []) {
    if (sha256Hex(recording.result) !== recording.resultHash)
      throw new AppError(
        "internal",
        `the recorded answer to ${recording.tool} request ${recording.key.slice(0, 12)} does not match its hash: the recording was altered`,
      );
    answers.set(recording.key, Promise.resolve(recording.result));
  }
  return {
    replaying,
    async observe<T>(tool: string, request: unknown, compute: () => Promise<T>): Promise<T> {
      const key = requestKey(tool, request);
      let answer = answers.get(key);
      if (!answer) {
        if (replaying)
          throw new AppError(
            "replay_diverged",
            `the replayed run asked ${tool} something the original run never asked: ${preview(canonicalJson(request))}`,
          );
        answer = (async () => {
          const result = canonicalJson(await compute());
          if (typeof result !== "string") throw new Error(`${tool} answered nothing`);
          await options.save?.({
            key,
            tool,
            request: canonicalJson(request),
            result,
            resultHash: sha256Hex(result),
          });
          return result;
        })();
        answers.set(key, answer);
        // A failed request is not an answer: the next attempt asks again.
        answer.catch(() => answers.delete(key));
      }
      // Live and replayed runs see the same canonical values (Dates as ISO strings).
      return JSON.parse(await answer) as T;
    },
  };
}
