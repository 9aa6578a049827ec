// The report's account of the run itself: what it spent, and where the time went.
// A step's tasks can run in parallel (one sqlRetrieval per dispatched task), so the
// time summed over a step's tasks is not the time the step held up the run; both
// are shown, each under its own name, and steps are listed in pipeline order
// whatever order the stored JSON gives back.
import type { Verdict } from "../verdict.js";
import { count, type Line, type Section } from "./document.js";

/** The graph's steps in the order a run passes through them. */
export const STEP_ORDER = [
  "intake",
  "plan",
  "sqlRetrieval",
  "webSearch",
  "linkAnalysis",
  "reason",
  "reflect",
  "finalize",
] as const;

/** Steps in pipeline order; a step the order does not know comes after, alphabetically. */
export function inPipelineOrder(times: Record<string, number>): [string, number][] {
  const rank = (step: string) => {
    const at = (STEP_ORDER as readonly string[]).indexOf(step);
    return at < 0 ? STEP_ORDER.length : at;
  };
  return Object.entries(times).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

const ms = (n: number) => String(Math.round(n * 10) / 10);
const listed = (entries: [string, number][]) =>
  entries.map(([step, n]) => `${step} ${ms(n)}`).join(", ");

function timeLines(verdict: Verdict): Line[] {
  const summed = inPipelineOrder(verdict.timings);
  const wall = inPipelineOrder(verdict.step_wall_ms);
  if (wall.length === 0)
    // Stored before wall time per step was measured: only the sums exist.
    return [
      [
        `time per step, summed over its parallel tasks and its rounds (ms): ${listed(summed)}; parallel tasks overlap, so a sum can exceed the run's wall time`,
      ],
    ];
  const lines: Line[] = [
    [
      `wall time per step (ms): ${listed(wall)}; sqlRetrieval, webSearch and linkAnalysis run side by side, so the steps need not add up to the run's wall time`,
    ],
  ];
  const wallOf = new Map(wall);
  // Only where tasks overlapped does the sum say something the wall time does not.
  const overlapped = summed.filter(([step, n]) => n - (wallOf.get(step) ?? 0) >= 1);
  if (overlapped.length)
    lines.push([
      `time summed over the step's parallel tasks (ms): ${listed(overlapped)}; more than the step's wall time because its tasks ran at once`,
    ]);
  return lines;
}

function modelLines(verdict: Verdict): Line[] {
  const lines: Line[] = [];
  if (verdict.weights_version)
    lines.push(["scores from the offline reasoner's weights ", { code: verdict.weights_version }]);
  if (verdict.baseline_snapshot)
    lines.push([
      "category baselines from snapshot ",
      { code: verdict.baseline_snapshot.id },
      ` (as of ${verdict.baseline_snapshot.as_of})`,
    ]);
  return lines;
}

export function runSection(verdict: Verdict): Section {
  const u = verdict.budgets_used;
  const spent = [
    count(u.iterations, "planning round"),
    count(u.sql_queries, "SQL query", "SQL queries"),
    count(u.rows, "row"),
    count(u.web_calls, "search", "searches"),
    `${u.wall_ms} ms wall time`,
  ].join(", ");
  const tokens =
    u.iterations > 0 && (verdict.token_usage.input > 0 || verdict.token_usage.output > 0)
      ? [
          [
            `model tokens: ${verdict.token_usage.input} in, ${verdict.token_usage.output} out ($${verdict.token_usage.cost_usd})`,
          ],
        ]
      : [];
  return {
    heading: "Run",
    blocks: [
      {
        kind: "list",
        items: [[spent], ...tokens, ...modelLines(verdict), ...timeLines(verdict)].map(
          (line: Line) => ({ line }),
        ),
      },
    ],
  };
}
