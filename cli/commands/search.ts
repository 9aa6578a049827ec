// `casehound search "<query>"` and `casehound reindex`: hybrid retrieval over the
// corpus (web pages and reports, and the knowledge base), and keeping its embeddings
// in step with the configured embedding model.
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { withDatabase } from "../context.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new AppError("bad_argument", `--limit must be a whole number from 1 to 50, not ${value}`);
  return n;
}

export function registerSearchCommands(program: Command): void {
  program
    .command("search <query>")
    .description("hybrid search of the corpus (full text + vectors, fused; exact names boosted)")
    .option("--limit <n>", "results to print (1-50)", positiveInt, 10)
    .option("--entity <name...>", "names to boost when named exactly (shop name, seller id)")
    .option("--kb", "search only the knowledge base")
    .option("--web", "search only web pages and reports")
    .option("--json", "print JSON")
    .action(
      async (
        query: string,
        options: { limit: number; entity?: string[]; kb?: boolean; web?: boolean; json?: boolean },
      ) => {
        if (query.trim().length === 0) throw new AppError("bad_argument", "the query is empty");
        if (options.kb && options.web)
          throw new AppError("bad_argument", "--kb and --web exclude each other");
        const { hybridSearch } = await import("../../tools/search/hybrid.js");
        const { embedderFor } = await import("../embedder.js");
        await withDatabase(async (db, { env }) => {
          const embedder = await embedderFor(env);
          const hits = await hybridSearch(db, embedder, query, {
            limit: options.limit,
            entities: options.entity ?? [],
            ...(options.kb ? { kind: "kb" as const } : options.web ? { kind: "web" as const } : {}),
          });
          if (options.json) {
            console.log(JSON.stringify({ query, model: embedder.model, hits }, null, 2));
            return;
          }
          if (hits.length === 0) console.log("no results");
          hits.forEach((h, i) => {
            const ranks = `fts ${h.ftsRank ?? "-"} · vector ${h.vectorRank ?? "-"}${h.matched.length ? ` · names ${h.matched.join(", ")}` : ""}`;
            console.log(
              `${i + 1}. [${h.kind}] ${h.heading}\n   ${h.url ?? h.docId} (${h.source}; ${ranks}; score ${h.score.toFixed(4)})\n   ${h.text.replace(/\s+/g, " ").slice(0, 220)}\n`,
            );
          });
        });
      },
    );
  program
    .command("reindex")
    .description(
      "load the knowledge base and embed every chunk not embedded by the configured model",
    )
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: { progress?: boolean }) => {
      const progress = progressReporter(options);
      const { saveKnowledgeBase } = await import("../../db/corpus/save.js");
      const { embedCorpus } = await import("../../tools/search/index-corpus.js");
      const { embedderFor } = await import("../embedder.js");
      await withDatabase(async (db, { env }) => {
        const kb = await saveKnowledgeBase(db);
        progress(`knowledge base: ${kb} documents; loading the embedding model`);
        const embedder = await embedderFor(env);
        const report = await embedCorpus(db, embedder, (done) =>
          progress(`embedded ${done} chunks with ${embedder.model}`),
        );
        console.log(
          `knowledge base: ${kb} documents; embedded ${report.embedded} chunks with ${report.model}` +
            (report.empty ? ` (${report.empty} without a known word, full text only)` : ""),
        );
      });
    });
}
