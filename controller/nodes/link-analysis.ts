// linkAnalysis: one link task for the link-analysis agent (agents/link-analysis);
// this node records the model's calls, the statements that read the neighbourhood
// (through the recorder, so a replay answers them from the recording) and the
// evidence, and hands the link readings to the reasoner.
import type { RunnableConfig } from "@langchain/core/runnables";
import { analyseNeighbourhood } from "../../agents/link-analysis/index.js";
import { addUsage } from "../../domain/budget.js";
import type { LinkTask } from "../../domain/task.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
import { evidenceEvent, stepRecorder } from "./record.js";
import type { WorkerInput } from "./worker-input.js";

export async function linkAnalysis(
  input: WorkerInput<LinkTask>,
  config: RunnableConfig,
): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(
    deps,
    "linkAnalysis",
    input.round,
    input.index,
    "agent:link_analysis",
  );
  const { result, calls, degradations } = await analyseNeighbourhood(
    {
      task: input.task,
      caseId: input.caseId,
      sellerId: input.profile.sellerId,
      asOf: input.asOf,
      allegation: input.allegation,
    },
    {
      warehouse: deps.warehouse,
      cases: deps.cases,
      profile: deps.linkProfile,
      ...(deps.similarSellers ? { similar: deps.similarSellers } : {}),
      now: () => deps.now().toISOString(),
    },
    agentContext(deps, input.usage),
  );
  const modelCalls = await recordModelCalls(record, calls);
  for (const q of result.neighbourhood?.queries ?? [])
    await record("sql_executed", {
      purpose: q.purpose,
      query: q.sql,
      params: q.params,
      rows: q.rows,
      hops: result.hops,
      chosen_by: result.chosenBy.by,
    });
  for (const q of result.lookAlikeQueries ?? [])
    await record("sql_executed", { purpose: q.purpose, query: q.sql, params: q.params });
  for (const e of result.evidence) await record("evidence_added", evidenceEvent(e));
  return {
    evidence: result.evidence,
    readings: result.readings,
    relatedCases: result.relatedCases,
    usage: addUsage(modelCalls.usage, { sqlQueries: result.queries, rows: result.rows }),
    prompts: modelCalls.prompts,
    degradations,
  };
}
