// The one logger. Logs go to stderr as JSON so stdout stays for command output.
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: { app: "casehound" } }, pino.destination(2));
}
