// The degree profile per as-of, read once per process: a case's neighbourhood
// judges hubs against it, and reading it means a pass over orders and logins
// (seconds on a large warehouse), so cases at the same instant share one reading.
// A failed reading is forgotten, so the next case asks again.
import type { Queryable } from "../../db/types.js";
import { readDegreeProfile } from "./degree-profile.js";
import type { DegreeProfile } from "./types.js";

/** As-ofs kept; the oldest reading is dropped beyond it. */
const KEPT = 8;

export function createDegreeProfileCache(
  warehouse: Queryable,
): (asOf: string) => Promise<DegreeProfile> {
  const readings = new Map<string, Promise<DegreeProfile>>();
  return (asOf) => {
    const key = new Date(asOf).toISOString();
    let reading = readings.get(key);
    if (!reading) {
      reading = readDegreeProfile(warehouse, key);
      readings.set(key, reading);
      reading.catch(() => readings.delete(key));
      if (readings.size > KEPT) readings.delete(readings.keys().next().value as string);
    }
    return reading;
  };
}
