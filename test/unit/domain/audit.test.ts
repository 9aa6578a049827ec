import { describe, expect, it } from "vitest";
import { type AuditEvent, chainEvent, GENESIS, verifyChain } from "../../../domain/audit.js";
import { Rng } from "../../../world/rng.js";

const CASE = "case-1";

function buildChain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let i = 0; i < length; i++) {
    const at = new Date(Date.UTC(2026, 10, 24, 10, 0, i)).toISOString();
    events.push(
      chainEvent(CASE, events.at(-1) ?? null, {
        at,
        actor: i % 2 ? "agent:sql" : "controller",
        kind: i === 0 ? "case_created" : "sql_executed",
        payload: { step: i, query: `SELECT ${i}`, rows: [{ a: i, b: "x" }] },
      }),
    );
  }
  return events;
}

/** Changes one character of one field of one event: the kind of edit a tamperer makes. */
function tamperOneCharacter(event: AuditEvent, rng: Rng): AuditEvent {
  const field = rng.pick(["at", "actor", "payload", "hash", "prev_hash"] as const);
  const flip = (text: string) => {
    const i = rng.int(text.length);
    const c = text[i] === "0" ? "1" : text[i] === "a" ? "b" : "0";
    return text.slice(0, i) + c + text.slice(i + 1);
  };
  if (field === "at") return { ...event, at: new Date(Date.parse(event.at) + 1000).toISOString() };
  if (field === "payload")
    return { ...event, payload: { ...event.payload, query: flip(String(event.payload.query)) } };
  return { ...event, [field]: flip(event[field]) };
}

describe("the audit chain", () => {
  it("links each event to the one before it, from the genesis hash", () => {
    const chain = buildChain(5);
    expect(chain[0]?.prev_hash).toBe(GENESIS);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prev_hash).toBe(chain[i - 1]?.hash);
    expect(verifyChain(CASE, chain)).toEqual({ ok: true, events: 5, head: chain[4]?.hash });
  });

  it("hashes the same event the same way whatever the key order or timestamp form", () => {
    const [first] = buildChain(1);
    const reordered = {
      ...first!,
      payload: { rows: first!.payload.rows, step: 0, query: "SELECT 0" },
      at: first!.at.replace("Z", "+00:00"),
    };
    expect(verifyChain(CASE, [reordered]).ok).toBe(true);
  });

  it("catches every single-character edit, deletion, reordering and insertion, naming the first broken link (300 random tamperings)", () => {
    const rng = new Rng(2026);
    const chain = buildChain(12);
    for (let trial = 0; trial < 300; trial++) {
      const events = chain.map((e) => ({ ...e }));
      const i = rng.int(events.length);
      const kind = rng.pick(["edit", "delete", "swap", "insert"] as const);
      let expectedBreak = i + 1;
      if (kind === "edit") events[i] = tamperOneCharacter(events[i]!, rng);
      else if (kind === "delete") {
        events.splice(i, 1);
        if (i === events.length) continue; // removing the last event leaves a valid, shorter chain: caught by the head hash below
      } else if (kind === "swap") {
        const j = i === events.length - 1 ? i - 1 : i + 1;
        [events[i], events[j]] = [events[j]!, events[i]!];
        expectedBreak = Math.min(i, j) + 1;
      } else {
        const forged = chainEvent(CASE, i === 0 ? null : events[i - 1]!, {
          at: events[i]!.at,
          actor: "intruder",
          kind: "evidence_added",
          payload: { forged: true },
        });
        events.splice(i, 0, forged);
        expectedBreak = i + 2; // the forged event itself chains correctly; its successor no longer does
      }
      const result = verifyChain(CASE, events);
      expect(result.ok, `${kind} at ${i}`).toBe(false);
      if (!result.ok) expect(result.brokenAt, `${kind} at ${i}`).toBe(expectedBreak);
    }
  });

  it("detects a truncated chain by its head hash", () => {
    const chain = buildChain(6);
    const truncated = verifyChain(CASE, chain.slice(0, 5));
    expect(truncated.ok).toBe(true);
    expect(truncated.ok && truncated.head).not.toBe(chain[5]?.hash);
  });

  it("refuses events of another case spliced in", () => {
    const chain = buildChain(3);
    const result = verifyChain("case-2", chain);
    expect(result).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
