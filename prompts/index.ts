// Every prompt casehound sends, by role: their references (id, version, hash) go
// into the verdict's prompt_versions and each llm_call audit event.
import type { ModelRole } from "../domain/model-role.js";
import { PLANNER_PROMPT } from "./planner.js";
import { type Prompt, type PromptRef, promptRef } from "./prompt.js";
import { REASONING_PROMPT } from "./reasoning.js";
import { REFLECTION_PROMPT } from "./reflection.js";
import { SQL_PROMPT } from "./sql.js";
import { WEB_PROMPT } from "./web.js";

export const PROMPTS: Record<ModelRole, Prompt> = {
  planner: PLANNER_PROMPT,
  sql: SQL_PROMPT,
  reasoning: REASONING_PROMPT,
  reflection: REFLECTION_PROMPT,
  web: WEB_PROMPT,
};

export function promptRefOf(role: ModelRole): PromptRef {
  return promptRef(PROMPTS[role]);
}
