// The process's last line: an error that escaped every try/catch is logged and,
// when it came from inside a case's run, ends that run as failed (run-guard.ts).
// The process keeps serving either way: one bad case, or one broken connection,
// must not take every other case on the machine down with it.
import type { Logger } from "../config/logger.js";
import { failCurrentRun } from "../controller/run-guard.js";

export interface LastLine {
  /** What the process does with an error nothing else caught. */
  handle(error: unknown, origin: string): void;
  uninstall(): void;
}

export function installLastLine(logger: Logger, onContained?: () => void): LastLine {
  const handle = (error: unknown, origin: string) => {
    const failed = failCurrentRun(error);
    const message = error instanceof Error ? error.message : String(error);
    logger.error(
      { origin, error: message, caseId: failed?.caseId },
      failed
        ? "an error escaped a case's run: the run failed, the process goes on"
        : "an error escaped every handler: logged, the process goes on",
    );
    onContained?.();
  };
  const onException = (error: Error) => handle(error, "uncaughtException");
  const onRejection = (reason: unknown) => handle(reason, "unhandledRejection");
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return {
    handle,
    uninstall() {
      process.off("uncaughtException", onException);
      process.off("unhandledRejection", onRejection);
    },
  };
}
