// Parsers for command-line values: each rejects bad input with a one-line reason.
import { InvalidArgumentError } from "commander";

export function parseSeed(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) {
    throw new InvalidArgumentError("must be a whole number from 0 to 4294967295.");
  }
  return Number(value);
}
