// A case: who is investigated (the subject), for what (the allegation), from where.
import { z } from "zod";
import { Typology } from "./typology.js";
import { SUBJECT_ID_MAX, SUBJECT_ID_PATTERN, SUBJECT_TYPE_NAMES } from "./vocabulary.js";

export const SubjectType = z.enum(SUBJECT_TYPE_NAMES);

export const Subject = z.object({
  type: SubjectType.describe("what kind of entity is investigated"),
  id: z
    .string()
    .trim()
    .min(1)
    .max(SUBJECT_ID_MAX)
    .regex(SUBJECT_ID_PATTERN, "may contain only letters, digits, '_', '.', ':' and '-'")
    .describe("the entity's id in the warehouse"),
});
export type Subject = z.infer<typeof Subject>;

/** "seller:slr_123" → { type: "seller", id: "slr_123" }. */
export function parseSubject(text: string): Subject {
  const at = text.indexOf(":");
  return Subject.parse({ type: text.slice(0, at), id: text.slice(at + 1) });
}

/** PostgreSQL cannot store a NUL character in text: such input is refused up front. */
export const hasNoNul = (text: string) => !text.includes("\u0000");

/** The first instant PostgreSQL's timestamptz holds that ISO-8601 writes plainly (year 1). */
export const EARLIEST_INSTANT_MS = Date.parse("0001-01-01T00:00:00Z");

/**
 * A case moves queued → running → decided | failed, then reviewed. A queued case of a
 * cancelled batch becomes cancelled instead, and is never run.
 */
export const CaseStatus = z.enum([
  "queued",
  "running",
  "decided",
  "failed",
  "reviewed",
  "cancelled",
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseSource = z.enum(["analyst", "batch", "slack", "model_flag"]);

export const CaseInput = z.object({
  subject: Subject,
  allegation: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .refine(hasNoNul, "may not contain NUL characters")
    .describe("what the escalation alleges, in the analyst's words"),
  source: CaseSource.default("analyst"),
  priority: z.enum(["low", "normal", "high", "urgent"]).default("normal"),
  typologyHints: z
    .array(Typology)
    .max(5)
    .default([])
    .describe("typologies the escalation suspects"),
  /** The instant the investigation looks from; unset: the warehouse's as-of, else now. The doors check it against the warehouse's data (CaseRunner.admit). */
  asOf: z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) >= EARLIEST_INSTANT_MS, "must be in year 1 or later")
    .describe(
      "the instant the investigation looks from; must fall within the warehouse's data (its earliest to its latest order or login, plus one day), else the case is refused",
    )
    .optional(),
});
export type CaseInput = z.input<typeof CaseInput>;

export const Case = CaseInput.extend({
  id: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Case = z.infer<typeof Case>;
