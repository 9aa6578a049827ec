// A risk indicator's reading for one subject: its value, how that compares with
// comparable sellers, and the evidence that records the query behind it.
import { z } from "zod";
import { Typology } from "./typology.js";

export const IndicatorTopic = z.union([Typology, z.literal("context")]);

/** The baseline snapshot a comparison was made against (tools/indicators/snapshots.ts). */
export const BaselineSnapshotRef = z.object({
  id: z.string(),
  /** The instant the snapshot's baselines describe (at or before the case's as-of). */
  as_of: z.string(),
});
export type BaselineSnapshotRef = z.infer<typeof BaselineSnapshotRef>;

export const Baseline = z.object({
  /** Which sellers the comparison is with, e.g. "category:beauty". */
  scope: z.string(),
  sellers: z.number().int().nonnegative(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  /** Absent in readings recorded before baselines came from snapshots. */
  snapshot: BaselineSnapshotRef.optional(),
});
export type Baseline = z.infer<typeof Baseline>;

export const IndicatorReading = z.object({
  indicator: z.string(),
  title: z.string(),
  topics: z.array(IndicatorTopic).min(1),
  unit: z.enum(["share", "count", "days", "ratio", "flag", "per_ip"]),
  value: z.number().nullable(),
  baseline: Baseline.nullable(),
  /** Share of comparable sellers with a lower value (0..1), when a baseline exists. */
  percentile: z.number().min(0).max(1).nullable(),
  evidence_id: z.string(),
});
export type IndicatorReading = z.infer<typeof IndicatorReading>;
