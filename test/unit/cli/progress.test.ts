import { afterEach, describe, expect, it } from "vitest";
import { progressWanted } from "../../../cli/progress.js";

const tty = { out: process.stdout.isTTY, err: process.stderr.isTTY };

function onTerminal(out: boolean, err: boolean): void {
  process.stdout.isTTY = out;
  process.stderr.isTTY = err;
}

afterEach(() => onTerminal(tty.out, tty.err));

describe("progress on long work", () => {
  it("is on by default when a person watches stdout and stderr", () => {
    onTerminal(true, true);
    expect(progressWanted({})).toBe(true);
  });

  it("is off when either stream is piped or captured, or the output is JSON", () => {
    onTerminal(false, true);
    expect(progressWanted({})).toBe(false);
    onTerminal(true, false);
    expect(progressWanted({})).toBe(false);
    onTerminal(true, true);
    expect(progressWanted({ json: true })).toBe(false);
  });

  it("follows --progress and --no-progress whatever the streams are", () => {
    onTerminal(false, false);
    expect(progressWanted({ progress: true, json: true })).toBe(true);
    onTerminal(true, true);
    expect(progressWanted({ progress: false })).toBe(false);
  });
});
