// The span of time the warehouse holds data for, and the check every door makes on
// a requested as-of against it. An as-of outside the data looks at windows that are
// empty by construction (before the first order, or years after the last one), and
// empty windows must not pass for a clean record.
//
// The span: from the earliest to the latest activity instant in risk.orders
// (created_at) and risk.logins (at) — the two event streams every seller has. Each
// min()/max() reads one end of its index (migration 0013), so the check stays cheap.
import { AppError } from "../../domain/errors.js";
import type { Queryable } from "../types.js";

/** How far past the latest activity an as-of may be: a day's delay in loading the data. */
export const AS_OF_SLACK_MS = 24 * 60 * 60 * 1000;

export interface ActivityRange {
  earliest: Date;
  latest: Date;
}

const RANGE_SQL = `SELECT least((SELECT min(created_at) FROM risk.orders), (SELECT min(at) FROM risk.logins)) AS earliest,
       greatest((SELECT max(created_at) FROM risk.orders), (SELECT max(at) FROM risk.logins)) AS latest`;

/** The warehouse's activity span, or null when it holds no orders and no logins. */
export async function activityRange(warehouse: Queryable): Promise<ActivityRange | null> {
  const { rows } = await warehouse.query<{ earliest: Date | null; latest: Date | null }>(RANGE_SQL);
  const row = rows[0];
  if (!row?.earliest || !row.latest) return null;
  return { earliest: new Date(row.earliest), latest: new Date(row.latest) };
}

/**
 * Refuses (bad_argument) an as-of before the warehouse's earliest activity or more
 * than AS_OF_SLACK_MS after its latest, naming the range; an empty warehouse admits
 * no as-of at all.
 */
export async function assertAsOfInRange(warehouse: Queryable, asOf: string): Promise<void> {
  const at = Date.parse(asOf);
  const range = await activityRange(warehouse);
  if (!range)
    throw new AppError(
      "bad_argument",
      `asOf ${asOf}: the warehouse holds no orders or logins, so no as-of can be investigated`,
    );
  const until = new Date(range.latest.getTime() + AS_OF_SLACK_MS);
  if (Number.isNaN(at) || at < range.earliest.getTime() || at > until.getTime())
    throw new AppError(
      "bad_argument",
      `asOf ${asOf} is outside the warehouse's data: it must be between ${range.earliest.toISOString()} and ${until.toISOString()} (the earliest and latest order or login, plus one day)`,
      { details: { earliest: range.earliest.toISOString(), latest: until.toISOString() } },
    );
}
