// Keeps one case's failure inside that case. A run is driven inside an async
// context that knows its case; an error that escapes every try/catch (a throw in a
// timer or a callback the run created) reaches the process's last line, which asks
// `failCurrentRun` to end the run it came from. A run that neither finishes nor fails
// (a promise some broken connection will never settle) ends at a hard deadline. In
// both cases the run fails with a reason and the process goes on serving.
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "../domain/errors.js";

interface RunScope {
  caseId: string;
  fail(error: unknown): void;
}

const scopes = new AsyncLocalStorage<RunScope>();

/**
 * Ends the run whose context the caller is in with `error`; false when the caller is
 * in no run (the error belongs to the process, not to a case).
 */
export function failCurrentRun(error: unknown): { caseId: string } | null {
  const scope = scopes.getStore();
  if (!scope) return null;
  scope.fail(error);
  return { caseId: scope.caseId };
}

/**
 * Runs `work` as case `caseId`: it settles with `work`, or fails at `deadlineMs` or by
 * failCurrentRun — and then `abort` is aborted with the reason, so the run stops at its
 * next step instead of going on after it was failed.
 */
export function guardRun<T>(
  caseId: string,
  deadlineMs: number,
  work: () => Promise<T>,
  abort?: AbortController,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      fn();
    };
    const stop = (error: AppError) =>
      settle(() => {
        abort?.abort(error);
        reject(error);
      });
    const fail = (error: unknown) =>
      stop(
        new AppError(
          "internal",
          `case ${caseId}: the run failed outside its steps: ${(error as Error)?.message ?? String(error)}`,
          { cause: error },
        ),
      );
    const deadline = setTimeout(
      () =>
        stop(
          new AppError(
            "internal",
            `case ${caseId}: the run did not finish within ${deadlineMs} ms`,
          ),
        ),
      deadlineMs,
    );
    deadline.unref();
    scopes.run({ caseId, fail }, () => {
      work().then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  });
}
