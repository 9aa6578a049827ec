// Turns untrusted evidence that tries to steer the investigation into evidence of
// its own (kind manipulation_attempt): where the text came from, which patterns
// it matched, and excerpts with personal data masked. The attempt is recorded;
// the text it came from stays data, quoted and delimited wherever it is shown.
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import { scanForInjection } from "./scan.js";

/** Every string inside a value, joined: the text a piece of evidence carries. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join("\n");
  if (value && typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => {
        const text = textOf(v);
        return text ? `${k}: ${text}` : "";
      })
      .filter(Boolean)
      .join("\n");
  return value === null || value === undefined ? "" : String(value);
}

export function manipulationAttempts(evidence: readonly Evidence[], now: string): Evidence[] {
  const attempts: Evidence[] = [];
  for (const item of evidence) {
    if (!item.untrusted || item.kind === "manipulation_attempt") continue;
    const signals = scanForInjection(textOf(item.data));
    if (signals.length === 0) continue;
    attempts.push(
      makeEvidence(
        {
          kind: "manipulation_attempt",
          source: { locator: item.source.locator, params: [item.id], via: "injection_scan" },
          summary: `untrusted text in ${item.id} (${item.summary.slice(0, 120)}) tries to steer the investigation: ${signals
            .map((s) => (s.revealed_by ? `${s.label} (${s.revealed_by})` : s.label))
            .join("; ")}`,
          data: { scanned_evidence: item.id, signals },
          untrusted: true,
        },
        now,
      ),
    );
  }
  return attempts;
}
