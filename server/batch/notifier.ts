// How a finished batch is announced, without the batch code knowing to whom: the
// door that wants it (the Slack bot, server/slack/batch-notifier.ts) passes one in.
// finishBatch calls it on every finish that finds the batch complete; the notifier
// makes sure it announces a batch once (several processes may finish the same one).

export interface BatchNotifier {
  /** The batch has no row left to run: announce its summary (once; must not throw). */
  batchFinished(batchId: string): Promise<void>;
}
