// Posts a finished batch's summary to the verdict channel (CASEHOUND_SLACK_CHANNEL),
// once per batch whichever process finishes it: the post is claimed in the store
// first (migration 0019). A failed post is logged, not retried — the batch's results
// stay a `casehound batch results` or GET /v1/batches/{id}/results away.
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../config/logger.js";
import { getBatch } from "../../db/repositories/batches.js";
import { claimBatchPost } from "../../db/repositories/slack-messages.js";
import type { Queryable } from "../../db/types.js";
import type { BatchNotifier } from "../batch/notifier.js";
import { batchSummary } from "../batch/results.js";
import { batchMessage } from "./blocks/lists.js";

export function createSlackBatchNotifier(options: {
  db: Queryable;
  client: webApi.WebClient;
  channel: string;
  logger: Logger;
  publicUrl?: string | undefined;
  now?: () => Date;
}): BatchNotifier {
  const now = options.now ?? (() => new Date());
  return {
    async batchFinished(batchId) {
      try {
        const batch = await getBatch(options.db, batchId);
        if (!batch || !(await claimBatchPost(options.db, batchId, options.channel, now()))) return;
        const summary = await batchSummary(options.db, batchId);
        await options.client.chat.postMessage({
          channel: options.channel,
          ...batchMessage(batchId, summary, batch.total, { publicUrl: options.publicUrl }),
        });
      } catch (error) {
        options.logger.warn(
          { batchId, error: (error as Error).message },
          "slack: batch summary not posted",
        );
      }
    },
  };
}
