// The primary subject planted as `kind` at `intensity` in a seeded world's labels.
import type { WorldLabels } from "../../world/labels.js";

export function plantedSubject(
  labels: WorldLabels,
  kind: string,
  intensity: string | null,
): { type: "seller"; id: string } {
  const found = labels.subjects.find(
    (s) => s.kind === kind && s.intensity === intensity && s.role === "primary",
  );
  if (!found) throw new Error(`no planted ${kind}${intensity ? ` (${intensity})` : ""}`);
  return found.subject;
}
