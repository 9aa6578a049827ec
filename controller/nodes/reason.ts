// reason: score every typology over the readings and draft a decision.
import { judge } from "../../agents/reasoning/offline.js";
import { scoreTypologies } from "../../agents/reasoning/score.js";
import type { CaseStateType, CaseUpdate } from "../state.js";

export async function reason(state: CaseStateType): Promise<CaseUpdate> {
  const assessments = scoreTypologies(state.readings);
  return { assessments, judgement: judge(assessments, state.readings) };
}
