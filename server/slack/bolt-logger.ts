// Bolt's logger interface over casehound's one logger (pino), so the bot's own
// messages go where everything else goes and never through console.*.
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../config/logger.js";

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const child = logger.child({ component: "slack" });
  const text = (parts: unknown[]) =>
    parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
