// `casehound similar seller:<id>`: the sellers whose risk profile (indicator
// percentiles among category peers, stored with each baseline snapshot) lies
// nearest this one's, with their past verdicts. Arguments are checked before any
// database opens; the search's modules load afterwards.
import type { Command } from "commander";
import { parseInstant, parseK, parseSellerRef } from "../arguments.js";
import { withDatabase } from "../context.js";
import { table } from "../format.js";

interface SimilarCommandOptions {
  k: number;
  asOf?: string;
  exact?: boolean;
  json?: boolean;
}

export function registerSimilarCommand(program: Command): void {
  program
    .command("similar")
    .description(
      "the sellers whose risk profile looks most like this one, with their past verdicts",
    )
    .argument("<seller>", "seller:<id>", parseSellerRef)
    .option("--k <n>", "how many neighbours (1 to 100)", parseK, 10)
    .option(
      "--as-of <iso>",
      "the instant to look from (default: the seeded demo world's as-of, else now)",
      parseInstant,
    )
    .option("--exact", "measure every profile instead of walking the HNSW index")
    .option("--json", "print the answer as JSON (with the queries it ran)")
    .action(async (sellerId: string, options: SimilarCommandOptions) => {
      const { similarSellers } = await import("../../tools/similar/index.js");
      const { seededWorldAsOf } = await import("../../db/repositories/baseline-snapshots.js");
      const answer = await withDatabase(async (db) =>
        similarSellers(db, sellerId, {
          asOf: options.asOf ?? (await seededWorldAsOf(db)) ?? new Date().toISOString(),
          k: options.k,
          method: options.exact ? "exact" : "hnsw",
        }),
      );
      if (options.json) {
        console.log(JSON.stringify(answer, null, 2));
        return;
      }
      console.log(
        `sellers most like ${answer.sellerId} (${answer.category}) in baseline snapshot ${answer.snapshot.id} as of ${answer.snapshot.asOf}:`,
      );
      if (answer.neighbours.length === 0) {
        console.log("no other seller has a profile in this snapshot");
        return;
      }
      console.log(
        table(
          ["seller", "category", "distance", "past verdicts"],
          answer.neighbours.map((n) => [
            n.sellerId,
            n.category,
            n.distance.toFixed(3),
            n.verdicts
              .map(
                (v) =>
                  `${v.overriddenTo ?? v.decision}${v.overriddenTo ? " (overridden)" : ""} ${v.caseId}`,
              )
              .join("; ") || "none",
          ]),
        ),
      );
    });
}
