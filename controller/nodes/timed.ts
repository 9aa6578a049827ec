// Wraps a node so the time it takes is added to the state's timings.
import type { RunnableConfig } from "@langchain/core/runnables";
import type { CaseUpdate } from "../state.js";

export function timed<S>(
  name: string,
  node: (state: S, config: RunnableConfig) => Promise<CaseUpdate>,
) {
  return async (state: S, config: RunnableConfig): Promise<CaseUpdate> => {
    const started = performance.now();
    const update = await node(state, config);
    return { ...update, timings: { [name]: performance.now() - started } };
  };
}
