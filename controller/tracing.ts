// LangSmith tracing, when its standard variables turn it on (LANGSMITH_TRACING=true,
// LANGSMITH_API_KEY, LANGSMITH_PROJECT, LANGSMITH_ENDPOINT). Left to itself LangChain
// would trace every node's input and output — the case state with the warehouse rows in
// it — to an outside host. Each case gets a tracer of its own instead, whose client
// passes every input, output and error through the case's redactor first, so a trace
// carries exactly what a model may see.
import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { Client, isTracingEnabled } from "langsmith";
import type { Redactor } from "../tools/redact/redactor.js";

const pending = new Set<Promise<void>>();

export function tracingEnabled(): boolean {
  return isTracingEnabled();
}

export interface CaseTracer {
  tracer: LangChainTracer;
  /** Hands the case's traces to the background sender (does not wait for them). */
  finish(): void;
}

export function caseTracer(redactor: Redactor): CaseTracer {
  const client = new Client({
    anonymizer: (values) => redactor.redactValue(values),
  });
  return {
    tracer: new LangChainTracer({ client }),
    finish() {
      const sent = client.awaitPendingTraceBatches().catch(() => {});
      pending.add(sent);
      void sent.finally(() => pending.delete(sent));
    },
  };
}

/** Waits until every finished case's traces were sent (call before the process exits). */
export async function flushTraces(): Promise<void> {
  await Promise.all([...pending]);
}
