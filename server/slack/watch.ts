// Keeps an investigation's Slack message current: on each notice that the case's
// audit chain grew (in-process runs), and on a slow poll (runs in worker processes
// elsewhere), the message is re-rendered and chat.update'd when it changed — at
// most once per `minGapMs`, under Slack's per-channel rate limit — until the verdict
// lands or the run fails. A restarted bot follows the messages of unsettled cases again.
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../config/logger.js";
import {
  openSlackMessages,
  type SlackMessage,
  setSlackMessageShown,
} from "../../db/repositories/slack-messages.js";
import type { Queryable } from "../../db/types.js";
import type { CaseEvents } from "../case-events.js";
import type { Masks } from "./mask.js";
import { renderCase } from "./render.js";

export interface WatchOptions {
  db: Queryable;
  client: webApi.WebClient;
  masks: Masks;
  logger: Logger;
  events?: CaseEvents | undefined;
  publicUrl?: string | undefined;
  /** How often to look without a notice (default 2 s). */
  pollMs?: number;
  /** Fewest milliseconds between two updates of one message (default 1.2 s). */
  minGapMs?: number;
  /** Give up following after this long (default 2 h); the message keeps its last state. */
  timeoutMs?: number;
}

export interface CaseWatcher {
  /** `shown`: the blocks the message was posted with, so an unchanged render is not sent again. */
  follow(message: SlackMessage & { ts: string }, shown?: unknown[]): void;
  /** Follows the posted messages of cases still queued or running (after a restart). */
  resume(): Promise<number>;
  /** Resolves when every followed case has settled (or been given up). */
  idle(): Promise<void>;
  stop(): void;
}

export function createCaseWatcher(options: WatchOptions): CaseWatcher {
  const { db, client, logger } = options;
  const following = new Map<string, Promise<void>>();
  let stopped = false;
  // Sleeping loops, woken at once by stop() so a stopping server does not wait a poll.
  const sleepers = new Set<() => void>();

  async function run(message: SlackMessage & { ts: string }, posted?: unknown[]): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 2 * 3_600_000);
    let shown = posted ? JSON.stringify(posted) : "";
    let wake: (() => void) | undefined;
    const unsubscribe = options.events?.subscribe(message.caseId, () => wake?.());
    try {
      while (!stopped && Date.now() < deadline) {
        const rendered = await renderCase(db, options.masks, message.caseId, {
          requestedBy: message.requestedBy,
          publicUrl: options.publicUrl,
        });
        if (!rendered) return;
        const body = JSON.stringify(rendered.message.blocks);
        if (body !== shown) {
          await client.chat.update({
            channel: message.channel,
            ts: message.ts,
            ...rendered.message,
          });
          shown = body;
          await setSlackMessageShown(db, message.caseId, rendered.detail.status, new Date());
        }
        if (rendered.settled) return;
        let asleep: () => void = () => {};
        await new Promise<void>((resolve) => {
          asleep = resolve;
          sleepers.add(resolve);
          const timer = setTimeout(resolve, options.pollMs ?? 2_000);
          wake = () => {
            clearTimeout(timer);
            setTimeout(resolve, options.minGapMs ?? 1_200);
          };
        });
        sleepers.delete(asleep);
        wake = undefined;
      }
    } finally {
      unsubscribe?.();
    }
  }

  return {
    follow(message, shown) {
      if (following.has(message.caseId)) return;
      const done = run(message, shown)
        .catch((error: Error) =>
          logger.warn(
            { caseId: message.caseId, error: error.message },
            "slack: a case's message could not be updated",
          ),
        )
        .finally(() => following.delete(message.caseId));
      following.set(message.caseId, done);
    },
    async resume() {
      const open = await openSlackMessages(db);
      for (const m of open) if (m.ts) this.follow({ ...m, ts: m.ts });
      return open.length;
    },
    async idle() {
      while (following.size) await Promise.all([...following.values()]);
    },
    stop() {
      stopped = true;
      for (const wakeUp of sleepers) wakeUp();
    },
  };
}
