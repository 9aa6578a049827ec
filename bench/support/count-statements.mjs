// Loaded into a bench's worker process (node --import) to count the statements it
// sends to PostgreSQL, by kind: a load-independent measure of what a case costs,
// beside wall time on a shared machine. On exit it writes
// [[statement text with literals and parameters folded, count], …] to
// $CASEHOUND_COUNT_STATEMENTS.<pid>. Only bench/batch.ts loads it; it patches pg's
// Client.query in this process and nothing else.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const out = process.env.CASEHOUND_COUNT_STATEMENTS;
if (out) {
  const pg = createRequire(import.meta.url)("pg");
  const counts = new Map();
  const kind = (text) =>
    text
      .replace(/\s+/g, " ")
      .replace(/\$\d+/g, "$")
      .replace(/'[^']*'/g, "?")
      .replace(/\b\d+\b/g, "N")
      .trim()
      .slice(0, 120);
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const text = typeof config === "string" ? config : config?.text;
    if (text) counts.set(kind(text), (counts.get(kind(text)) ?? 0) + 1);
    return query.call(this, config, values, callback);
  };
  process.on("exit", () => {
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    writeFileSync(`${out}.${process.pid}`, JSON.stringify(sorted));
  });
}
