// Group commit: writes that arrive while one is on its way go together in the next.
// The parallel tasks of a run each append audit events and recordings; written one
// transaction each, a case paid a commit (and on PGlite a WAL flush) per event. Each
// caller still waits until its own item is durable, and items are written in the
// order they were submitted, so nothing a caller can observe changes except the
// number of round trips.

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Wraps `flush` (which writes a batch and returns one result per item, in order) so
 * concurrent single-item calls share batches of at most `maxBatch` items. A failed
 * flush fails every item of its batch; later batches are still attempted.
 */
export function groupCommit<T, R>(
  flush: (items: T[]) => Promise<R[]>,
  maxBatch = 256,
): (item: T) => Promise<R> {
  let waiting: Waiting<T, R>[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    // Let callers that are ready in this turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const results = await flush(batch.map((w) => w.item));
        if (results.length !== batch.length)
          throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
        for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    draining = false;
  }

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!draining) {
        draining = true;
        void drain();
      }
    });
}
