// One case's failure stays in that case: an error that escapes a run's steps ends
// that run (and only it) with a reason, a run that never settles ends at its hard
// deadline, and the process's last line logs what belongs to no run.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { failCurrentRun, guardRun } from "../../../controller/run-guard.js";
import { installLastLine } from "../../../server/last-line.js";

const never = () => new Promise<never>(() => {});

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("info", {
    write: (line: string) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  return { logger, lines };
}

describe("the run guard", () => {
  it("settles with the run when it finishes or fails on its own", async () => {
    await expect(guardRun("c1", 5_000, async () => 42)).resolves.toBe(42);
    await expect(
      guardRun("c1", 5_000, async () => {
        throw new Error("step failed");
      }),
    ).rejects.toThrow("step failed");
  });

  it("when an error escapes a run's steps, the last line fails that run only and the others go on", async () => {
    const { logger, lines } = capturedLogger();
    const lastLine = installLastLine(logger);
    try {
      let release: (value: string) => void = () => {};
      const healthy = guardRun("healthy", 5_000, () => new Promise<string>((r) => (release = r)));
      const broken = guardRun("broken", 5_000, () => {
        // what an uncaught throw in a callback the run created looks like to the last line
        setTimeout(() => lastLine.handle(new Error("socket handler blew up"), "test"), 5);
        return never();
      });
      await expect(broken).rejects.toThrow(
        /case broken: the run failed outside its steps: socket handler blew up/,
      );
      release("done");
      await expect(healthy).resolves.toBe("done");
      expect(lines.at(-1)).toMatchObject({ caseId: "broken", origin: "test", level: 50 });
    } finally {
      lastLine.uninstall();
    }
  });

  it("ends a run that never settles at its hard deadline, and aborts it so it stops at its next step", async () => {
    const abort = new AbortController();
    await expect(guardRun("stuck", 30, never, abort)).rejects.toThrow(
      /case stuck: the run did not finish within 30 ms/,
    );
    expect(abort.signal.aborted).toBe(true);
    expect(String(abort.signal.reason)).toMatch(/did not finish within 30 ms/);
  });

  it("outside any run, the last line only logs: there is no case to blame", () => {
    const { logger, lines } = capturedLogger();
    const lastLine = installLastLine(logger);
    try {
      expect(failCurrentRun(new Error("x"))).toBeNull();
      lastLine.handle(new Error("stray timer"), "test");
      expect(lines.at(-1)).toMatchObject({
        error: "stray timer",
        msg: expect.stringMatching(/escaped every handler/),
      });
      expect(lines.at(-1)?.caseId).toBeUndefined();
    } finally {
      lastLine.uninstall();
    }
  });
});
