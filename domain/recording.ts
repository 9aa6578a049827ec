// One answer a run received from outside its graph, as the case store keeps it and a
// resumed or replayed run reads it back (controller/recorder.ts makes them).

/** One answered request: canonical JSON request and result, and the result's hash. */
export interface Recording {
  key: string;
  tool: string;
  request: string;
  result: string;
  resultHash: string;
}
