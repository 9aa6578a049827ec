// How long the run has taken at a step, read through the recorder: the wall-time
// budget depends on it, so a replay must see the reading the original run saw.
import type { InvestigationDeps } from "../deps.js";

export function elapsedMs(
  deps: InvestigationDeps,
  startedAt: number,
  step: string,
): Promise<number> {
  return deps.recorder.observe("clock", { step }, async () =>
    Math.round(deps.now().getTime() - startedAt),
  );
}
