// How `serve` and `worker` read their options: `serve --workers <n>` and its
// negation `--no-workers` both parse (the last one given wins), and `worker
// --concurrency <n>` takes 1 to 64.
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerServeCommand } from "../../../cli/commands/serve.js";
import { registerWorkerCommand } from "../../../cli/commands/worker.js";

function parsed(argv: string[]): Record<string, unknown> {
  const root = new Command("casehound")
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerServeCommand(root);
  registerWorkerCommand(root);
  let seen: Record<string, unknown> = {};
  for (const command of root.commands) {
    command.exitOverride();
    command.action((options: Record<string, unknown>) => {
      seen = options;
    });
  }
  root.parse(argv, { from: "user" });
  return seen;
}

describe("the serve and worker options", () => {
  it("serve runs workers by default, takes a number of them, or none with --no-workers", () => {
    expect(parsed(["serve"]).workers).toBeUndefined();
    expect(parsed(["serve", "--workers", "3"]).workers).toBe(3);
    expect(parsed(["serve", "--no-workers"]).workers).toBe(false);
    expect(parsed(["serve", "--workers", "3", "--no-workers"]).workers).toBe(false);
    expect(parsed(["serve", "--no-workers", "--workers", "4"]).workers).toBe(4);
    expect(parsed(["serve", "--no-workers", "--no-seed"])).toMatchObject({
      workers: false,
      seed: false,
    });
  });

  it("serve refuses a number of workers out of range", () => {
    expect(() => parsed(["serve", "--workers", "0"])).toThrow(/whole number from 1 to 64/);
    expect(() => parsed(["serve", "--workers", "many"])).toThrow(/whole number from 1 to 64/);
  });

  it("worker takes --concurrency from 1 to 64, and nothing else", () => {
    expect(parsed(["worker"]).concurrency).toBeUndefined();
    expect(parsed(["worker", "--concurrency", "8"]).concurrency).toBe(8);
    expect(() => parsed(["worker", "--concurrency", "65"])).toThrow(/whole number from 1 to 64/);
    expect(() => parsed(["worker", "--workers", "2"])).toThrow(/unknown option/);
  });
});
