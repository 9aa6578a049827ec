// The tools a run may use, seen through its recorder: a read-only query interface
// (the warehouse, the document corpus) and the baseline comparisons. Nodes cannot
// tell a live run from a replay; the recorder decides where answers come from.
import type { Queryable, QueryResult } from "../db/types.js";
import type { BaselineCache } from "../tools/indicators/baselines.js";
import type { Recorder } from "./recorder.js";

export function recordedQueries(db: Queryable, tool: string, recorder: Recorder): Queryable {
  return {
    query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      return recorder.observe(tool, { sql, params }, async () => {
        const { rows, rowCount } = await db.query<Row>(sql, params);
        return { rows, rowCount };
      });
    },
    async exec() {
      throw new Error(`${tool} is read-only during an investigation`);
    },
  };
}

export function recordedBaselines(cache: BaselineCache, recorder: Recorder): BaselineCache {
  return {
    compare(definition, category, value) {
      return recorder.observe("baseline", { indicator: definition.id, category, value }, () =>
        cache.compare(definition, category, value),
      );
    },
  };
}
