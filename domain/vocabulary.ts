// The closed vocabularies as plain constants (typologies, decisions, subject kinds,
// key roles) and the fixed sizes the command line checks. The zod schemas beside them are built
// from these; code that must start without loading zod (the command line's option
// lists and parsers, read before any command runs) imports them from here.

export const TYPOLOGY_NAMES = [
  "brushing",
  "collusion",
  "account_takeover",
  "incentive_abuse",
  "click_farm",
] as const;

export const DECISION_NAMES = [
  "fraud",
  "suspicious",
  "not_fraud",
  "insufficient_evidence",
] as const;

export const SUBJECT_TYPE_NAMES = ["seller", "buyer", "order"] as const;
/** A subject's id in the warehouse: letters, digits, '_', '.', ':' and '-', at most 128. */
export const SUBJECT_ID_PATTERN = /^[\w.:-]+$/;
export const SUBJECT_ID_MAX = 128;

export const ROLE_NAMES = ["service", "analyst", "admin"] as const;

/** At most this many cases in one batch (a file's rows, a selection's limit). */
export const MAX_BATCH_ROWS = 10_000;
