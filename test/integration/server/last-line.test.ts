// The process's last line in a real process: an exception nothing caught and a
// rejection nothing handled are logged, and the process goes on serving.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../fixtures/uncaught-then-serve.ts", import.meta.url));

describe("the process's last line", () => {
  it("logs an uncaught exception and an unhandled rejection and keeps serving", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const reply = await fetch(`http://127.0.0.1:${port}/`);
    expect(await reply.text()).toBe("still serving");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    const logged = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { origin?: string; error?: string });
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          origin: "uncaughtException",
          error: "thrown where nothing catches it",
        }),
        expect.objectContaining({
          origin: "unhandledRejection",
          error: "rejected with no handler",
        }),
      ]),
    );
  });
});
