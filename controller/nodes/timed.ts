// Wraps a node so the time it takes goes into the state twice: added to the step's
// summed timings, and as a span (start, end) from which finalize works out how long
// the step held up the run — parallel tasks of one step overlap, so their sum can
// exceed the run's wall time while the union of their spans cannot.
import type { RunnableConfig } from "@langchain/core/runnables";
import type { CaseUpdate } from "../state.js";

/** Epoch milliseconds with sub-millisecond precision: comparable across the processes of a resumed run. */
const clock = () => performance.timeOrigin + performance.now();

export function timed<S>(
  name: string,
  node: (state: S, config: RunnableConfig) => Promise<CaseUpdate>,
) {
  return async (state: S, config: RunnableConfig): Promise<CaseUpdate> => {
    const started = clock();
    const update = await node(state, config);
    const ended = clock();
    return {
      ...update,
      timings: { [name]: ended - started },
      spans: { [name]: [[started, ended]] },
    };
  };
}
