// Evaluation on an already seeded world: the partners of planted collusion rings
// (labels role "ring_member"), never escalated, investigated directly — how many
// come out collusion (fraud or suspicious) — and the hard negatives' decisions
// (households, offices and networks share devices and IPs honestly). Reads the
// world's labels.json beside its data; only this script and eval read labels.
//
//   npx casehound seed --size medium --seed 42      # into CASEHOUND_DATA_DIR
//   npx tsx bench/partner-recall.ts --data-dir .casehound
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allegationFor } from "../cli/eval/run.js";
import { table } from "../cli/format.js";
import { createInvestigator } from "../controller/investigate.js";
import { openPglite } from "../db/pglite.js";
import type { LabelledSubject, WorldLabels } from "../world/labels.js";
import { benchArgs } from "./harness.js";

const { flag } = benchArgs();
const dataDir = flag("--data-dir");
if (!dataDir) {
  console.error("--data-dir <dir> (a seeded embedded data directory with labels.json) is required");
  process.exit(2);
}
const labels = JSON.parse(readFileSync(join(dataDir, "labels.json"), "utf8")) as WorldLabels;
const db = await openPglite(dataDir);
try {
  const investigate = createInvestigator({ warehouse: db });
  const decide = async (s: LabelledSubject) => {
    const { verdict } = await investigate({
      subject: s.subject,
      allegation: await allegationFor(db, s),
      source: "batch",
    });
    return verdict;
  };
  // Collusion rings' partners only: a takeover's second victim is also a ring member
  // in the labels, but its truth is account takeover.
  const partners = labels.subjects.filter(
    (s) => s.role === "ring_member" && s.typology === "collusion",
  );
  const hard = labels.subjects.filter(
    (s) => s.role === "primary" && s.typology === "none" && s.kind !== "ordinary",
  );
  const rows: (string | number)[][] = [];
  let found = 0;
  let weights = "";
  for (const s of partners) {
    const v = await decide(s);
    weights = v.weights_version ?? "";
    const hit =
      v.decision !== "not_fraud" &&
      v.decision !== "insufficient_evidence" &&
      v.typologies[0]?.typology === "collusion";
    if (hit) found++;
    rows.push([
      "partner",
      s.subject.id,
      [s.intensity, s.channel].filter(Boolean).join("/"),
      v.decision,
      v.typologies[0]?.typology ?? "-",
      v.risk_score.toFixed(3),
    ]);
  }
  const hardDecisions = new Map<string, number>();
  for (const s of hard) {
    const v = await decide(s);
    hardDecisions.set(v.decision, (hardDecisions.get(v.decision) ?? 0) + 1);
    rows.push([
      "hard negative",
      s.subject.id,
      s.kind,
      v.decision,
      v.typologies[0]?.typology ?? "-",
      v.risk_score.toFixed(3),
    ]);
  }
  console.log(
    `partner recall, ${dataDir} (${labels.size ?? ""} seed ${labels.seed ?? ""}), weights ${weights}, ${new Date().toISOString()}`,
  );
  console.log(table(["role", "seller", "kind", "decision", "top typology", "risk"], rows));
  console.log(
    `ring partners found (collusion, fraud or suspicious): ${found} of ${partners.length}`,
  );
  console.log(
    `hard negatives: ${hard.length}; ${[...hardDecisions].map(([d, n]) => `${d} ${n}`).join(", ")}`,
  );
} finally {
  await db.close();
}
