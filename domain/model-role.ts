// The roles a chat model can fill. A role without a model runs its deterministic agent.
import { z } from "zod";

export const ModelRole = z.enum(["planner", "sql", "reasoning", "reflection", "web"]);
export type ModelRole = z.infer<typeof ModelRole>;
export const MODEL_ROLES: readonly ModelRole[] = ModelRole.options;
