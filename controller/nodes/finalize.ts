// finalize: the knowledge base's guidance for the decision (a citation, not a
// condition: a corpus that cannot answer leaves it empty), then the verdict
// (assemble-verdict.ts), recorded with its two hashes.
import type { RunnableConfig } from "@langchain/core/runnables";
import { findGuidance } from "../../agents/reasoning/guidance.js";
import { hashOf } from "../../domain/canonical-json.js";
import { isAppError } from "../../domain/errors.js";
import { decidingPart } from "../../domain/verdict.js";
import { assembleVerdict, isUndecided } from "../assemble-verdict.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { elapsedMs } from "./elapsed.js";
import { modelsOf } from "./model-calls.js";
import { evidenceEvent, recordAll, stepRecorder } from "./record.js";

export async function finalize(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(deps, "finalize", state.iteration);
  const judgement = state.judgement;
  const weighed = [...state.assessments].sort((a, b) => b.probability - a.probability)[0];
  const guidance =
    isUndecided(state) || !judgement
      ? []
      : await findGuidance(
          { corpus: deps.corpus, embedder: deps.embedder },
          judgement,
          weighed?.typology ?? null,
          deps.now().toISOString(),
        ).catch((error: unknown) => {
          if (isAppError(error, "replay_diverged")) throw error;
          return [];
        });
  await recordAll(
    record,
    guidance.map((e) => ["evidence_added", evidenceEvent(e)] as const),
  );
  const verdict = assembleVerdict(state, {
    mode: deps.gateway ? "llm" : "offline",
    models: modelsOf(deps),
    wallMs: await elapsedMs(deps, state.startedAt, "finalize"),
    auditHead: await deps.audit.head(),
    guidance,
  });
  await record("verdict", {
    decision: verdict.decision,
    typology: verdict.typologies[0]?.typology ?? null,
    risk_score: verdict.risk_score,
    recommended_action: verdict.recommended_action,
    verdict_hash: hashOf(verdict),
    decision_hash: hashOf(decidingPart(verdict)),
  });
  return { verdict, evidence: guidance };
}
