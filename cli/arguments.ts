// Parsers for command-line values: each rejects bad input with a one-line reason.
import { InvalidArgumentError } from "commander";

export function parseSeed(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) {
    throw new InvalidArgumentError("must be a whole number from 0 to 4294967295.");
  }
  return Number(value);
}

export function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError("must be a port number from 0 to 65535.");
  }
  return Number(value);
}

export function parseWorkers(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new InvalidArgumentError("must be a whole number from 1 to 64.");
  }
  return Number(value);
}
