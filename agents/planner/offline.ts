// The offline planner. First round: context indicators, every suspected typology's
// indicators first, then every other typology's (a suspicion orders the reading,
// it never narrows it), and a search of the local corpus for the shop. Later rounds: exactly the indicators the reflection asked
// for. Each task gets a share of the remaining query budget.
import type { Budget, Usage } from "../../domain/budget.js";
import type { Case } from "../../domain/case.js";
import type { SellerProfile } from "../../domain/profile.js";
import type { LinkTask, Task } from "../../domain/task.js";
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import { queriesFor } from "../link-analysis/offline.js";
import { CONTEXT_INDICATOR_IDS, deepIndicators, suspectedTypologies } from "./playbooks.js";

export interface PlanInput {
  case: Case;
  profile: SellerProfile;
  iteration: number;
  /** Indicators already read in earlier rounds. */
  read: ReadonlySet<string>;
  /** Indicators the reflection asked for. */
  requested: readonly string[];
  budget: Budget;
  usage: Usage;
}

function sqlTask(
  goal: string,
  indicators: string[],
  read: ReadonlySet<string>,
  taken: Set<string>,
): Task | null {
  const fresh = indicators.filter((id) => !read.has(id) && !taken.has(id));
  for (const id of fresh) taken.add(id);
  return fresh.length ? { agent: "sql_retrieval", goal, indicators: fresh, maxQueries: 0 } : null;
}

/** The link analysis every first round dispatches: collusion is always tested. */
export function linkTask(): LinkTask {
  return {
    agent: "link_analysis",
    goal: "who the seller is linked to through devices, IPs, payout accounts and addresses",
    hops: 2,
    maxQueries: 0,
  };
}

/**
 * Splits what is left of the query budget among the SQL tasks (two queries per
 * indicator at most) and then the link analysis (what its hops cost at most).
 */
export function allocate(tasks: Task[], budget: Budget, usage: Usage): Task[] {
  let left = Math.max(0, budget.maxSqlQueries - usage.sqlQueries);
  let webLeft = Math.max(0, budget.maxWebCalls - usage.webCalls);
  return tasks.map((task) => {
    if (task.agent === "web_search") {
      const maxCalls = Math.min(task.queries.length, webLeft);
      webLeft -= maxCalls;
      return { ...task, maxCalls };
    }
    if (task.agent === "link_analysis") {
      const maxQueries = Math.min(queriesFor(task.hops), left);
      left -= maxQueries;
      return { ...task, maxQueries };
    }
    const maxQueries = Math.min(task.indicators.length * 2, left);
    left -= maxQueries;
    return { ...task, maxQueries };
  });
}

export function planOffline(input: PlanInput): { tasks: Task[]; suspected: Typology[] } {
  const { profile, read } = input;
  const suspected = suspectedTypologies(
    input.case.allegation,
    input.case.typologyHints ?? [],
    profile.flagSources,
  );
  const taken = new Set<string>();
  const tasks: (Task | null)[] = [];
  if (input.iteration === 0) {
    tasks.push(sqlTask("establish the seller's context", CONTEXT_INDICATOR_IDS, read, taken));
    for (const typology of suspected)
      tasks.push(sqlTask(`test the suspected ${typology}`, deepIndicators(typology), read, taken));
    const others = TYPOLOGIES.filter((t) => !suspected.includes(t));
    const unsuspected = suspected.length ? "the unsuspected" : "every";
    tasks.push(
      sqlTask(
        `read ${unsuspected} typologies' indicators: ${others.join(", ")}`,
        others.flatMap(deepIndicators),
        read,
        taken,
      ),
    );
    tasks.push({
      agent: "web_search",
      goal: "what the web says about the shop",
      queries: [profile.shopName, profile.sellerId],
      maxCalls: 0,
    });
    tasks.push(linkTask());
  } else {
    tasks.push(
      sqlTask(
        `answer the reflection's questions (round ${input.iteration + 1})`,
        [...input.requested],
        read,
        taken,
      ),
    );
  }
  return {
    tasks: allocate(
      tasks.filter((t): t is Task => t !== null),
      input.budget,
      input.usage,
    ),
    suspected,
  };
}
