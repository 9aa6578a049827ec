// Parsers for command-line values: each rejects bad input with a one-line reason.
import { InvalidArgumentError } from "commander";
import type { Subject } from "../domain/case.js";
import { SUBJECT_ID_MAX, SUBJECT_ID_PATTERN, SUBJECT_TYPE_NAMES } from "../domain/vocabulary.js";

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

export function parseInstant(value: string): string {
  if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new InvalidArgumentError("must be an ISO date-time, e.g. 2026-11-01T00:00:00Z.");
  }
  return new Date(value).toISOString();
}

export function parseLimit(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 1000) {
    throw new InvalidArgumentError("must be a whole number from 1 to 1000.");
  }
  return Number(value);
}

/** `seller:<id>`: the only subject a similar-seller search takes. */
export function parseSellerRef(value: string): string {
  const match = /^seller:([A-Za-z0-9_.:-]{1,200})$/.exec(value);
  if (!match) throw new InvalidArgumentError("must be seller:<id>, e.g. seller:slr_00042.");
  return match[1] as string;
}

/** How many neighbours: 1 to 100. */
export function parseK(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 100) {
    throw new InvalidArgumentError("must be a whole number from 1 to 100.");
  }
  return Number(value);
}

/** `seller:ID`, `buyer:ID` or `order:ID`, by the same rule as the Subject schema (domain/case.ts). */
export function parseSubjectArgument(value: string): Subject {
  const at = value.indexOf(":");
  const type = SUBJECT_TYPE_NAMES.find((t) => t === value.slice(0, at));
  const id = value.slice(at + 1).trim();
  if (
    at < 0 ||
    !type ||
    id.length === 0 ||
    id.length > SUBJECT_ID_MAX ||
    !SUBJECT_ID_PATTERN.test(id)
  )
    throw new InvalidArgumentError(
      "must be seller:ID, buyer:ID or order:ID (letters, digits, _ . : -).",
    );
  return { type, id };
}
