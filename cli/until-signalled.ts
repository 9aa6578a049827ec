// Waits for SIGINT or SIGTERM (Ctrl-C, a service manager's stop): the long-running
// commands (`serve`, `worker`) then stop gracefully.
export function untilSignalled(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}
