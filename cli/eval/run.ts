// Runs the investigation over a labelled demo world: every escalated subject
// (planted cases, hard negatives, flagged ordinary sellers), a deterministic
// sample of unflagged sellers, and, separately, the collusion rings' partner
// sellers. Only this module reads the labels; the agents never see them.
import { createInvestigator, type InvestigatorOptions } from "../../controller/investigate.js";
import type { Database } from "../../db/types.js";
import type { Decision } from "../../domain/verdict.js";
import type { LabelledSubject, WorldLabels } from "../../world/labels.js";
import type { Label, Outcome } from "./metrics.js";

export interface EvalCase extends Outcome {
  sellerId: string;
  kind: string;
  intensity: string | null;
  /** The generator's variant of the planted pattern (coordination channel, evasion), if any. */
  variant: string | null;
  decision: Decision;
  needsReview: boolean;
}

export interface EvalRun {
  escalated: EvalCase[];
  ringMembers: EvalCase[];
}

/**
 * The allegation an analyst escalated with: the one the labels record (a variant
 * world's), else the flags' reasons, else a routine re-review.
 */
export async function allegationFor(db: Database, subject: LabelledSubject): Promise<string> {
  if (subject.allegation?.trim()) return subject.allegation;
  const sellerId = subject.subject.id;
  const { rows } = await db.query<{ reason: string }>(
    "SELECT DISTINCT reason FROM risk.flags WHERE entity_type = 'seller' AND entity_id = $1 ORDER BY reason",
    [sellerId],
  );
  return rows.length
    ? `Flagged for review: ${rows.map((r) => r.reason).join("; ")}`
    : "Routine re-review of a seller with no open flags";
}

export async function unflaggedSample(
  db: Database,
  labels: WorldLabels,
  size: number,
): Promise<LabelledSubject[]> {
  const labelled = labels.subjects.map((s) => s.subject.id);
  const { rows } = await db.query<{ seller_id: string }>(
    `SELECT seller_id FROM risk.sellers s
      WHERE NOT (seller_id = ANY($1::text[]))
        AND NOT EXISTS (SELECT 1 FROM risk.flags f WHERE f.entity_type = 'seller' AND f.entity_id = s.seller_id)
      ORDER BY md5(seller_id) LIMIT $2`,
    [labelled, size],
  );
  return rows.map((r) => ({
    subject: { type: "seller", id: r.seller_id },
    typology: "none",
    intensity: null,
    kind: "unflagged",
    role: "primary",
    flagged: false,
    manipulation: null,
    channel: null,
    variant: null,
    allegation: null,
    allegation_style: null,
  }));
}

export async function runEval(
  db: Database,
  labels: WorldLabels,
  options: {
    sample: number;
    /** Called after each case with how many are done of how many there are. */
    onCase?: (c: EvalCase, done: number, total: number) => void;
    search?: Pick<InvestigatorOptions, "embedder" | "searchProviders">;
    /** The offline reasoner's weights; default: the shipped ones. */
    weights?: InvestigatorOptions["weights"];
  },
): Promise<EvalRun> {
  const investigate = createInvestigator({
    warehouse: db,
    ...options.search,
    ...(options.weights ? { weights: options.weights } : {}),
  });
  let done = 0;
  let total = 0;
  const run = async (subject: LabelledSubject): Promise<EvalCase> => {
    const started = performance.now();
    const { verdict } = await investigate({
      subject: subject.subject,
      allegation: await allegationFor(db, subject),
      source: "batch",
    });
    const positive = verdict.decision === "fraud" || verdict.decision === "suspicious";
    const predicted: Label = positive ? (verdict.typologies[0]?.typology ?? "none") : "none";
    const outcome: EvalCase = {
      sellerId: subject.subject.id,
      kind: subject.kind,
      intensity: subject.intensity,
      variant:
        [subject.channel, subject.variant === "standard" ? null : subject.variant]
          .filter((x) => x !== null)
          .join("/") || null,
      truth: subject.typology,
      predicted,
      risk: verdict.risk_score,
      decision: verdict.decision,
      needsReview: verdict.needs_human_review,
      ms: performance.now() - started,
    };
    options.onCase?.(outcome, ++done, total);
    return outcome;
  };
  // The first case computes the category baselines; warm them up outside the timings.
  const first = labels.subjects[0];
  if (first) await investigate({ subject: first.subject, allegation: "warm-up", source: "batch" });
  const escalatedSubjects = [
    ...labels.subjects.filter((s) => s.role === "primary"),
    ...(await unflaggedSample(db, labels, options.sample)),
  ];
  const ringSubjects = labels.subjects.filter((s) => s.role === "ring_member");
  total = escalatedSubjects.length + ringSubjects.length;
  const escalated: EvalCase[] = [];
  for (const subject of escalatedSubjects) escalated.push(await run(subject));
  const ringMembers: EvalCase[] = [];
  for (const subject of ringSubjects) ringMembers.push(await run(subject));
  return { escalated, ringMembers };
}
