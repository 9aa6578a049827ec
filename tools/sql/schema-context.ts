// What the SQL model is told about the warehouse: each table the guard allows, its
// columns with types and the comments the migrations wrote, and one sample row of
// values so it sees id and timestamp formats. Free-text columns (descriptions,
// review bodies, titles, reasons) are never sampled: seller-written text reaches a
// model only inside an untrusted block, and the gateway redacts whatever remains.
import type { Queryable } from "../../db/types.js";
import type { SqlPolicy } from "./policy.js";

/** Columns that hold text a seller, a buyer or an analyst wrote. */
export const FREE_TEXT = new Set([
  "sellers.shop_name",
  "sellers.description",
  "products.title",
  "reviews.body",
  "refunds.reason",
  "flags.reason",
  "enforcement_actions.reason",
]);

const COLUMNS_SQL = `SELECT c.relname AS table_name, a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS data_type,
       col_description(c.oid, a.attnum) AS comment,
       obj_description(c.oid, 'pg_class') AS table_comment
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'risk'
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind = 'r'
 ORDER BY c.relname, a.attnum`;

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  comment: string | null;
  table_comment: string | null;
}

function sampleSql(tables: Map<string, string[]>): string {
  const parts = [...tables].map(([table, columns]) => {
    const pairs = columns
      .filter((c) => !FREE_TEXT.has(`${table}.${c}`))
      .map((c) => `'${c}', ${c}`)
      .join(", ");
    return `(SELECT json_build_object(${pairs})::text FROM risk.${table} LIMIT 1) AS ${table}`;
  });
  return `SELECT ${parts.join(",\n       ")}`;
}

/** The schema as the prompt shows it; two queries, both through the run's recorder. */
export async function schemaContext(warehouse: Queryable, policy: SqlPolicy): Promise<string> {
  const { rows } = await warehouse.query<ColumnRow>(COLUMNS_SQL);
  const tables = new Map<string, ColumnRow[]>();
  for (const row of rows) {
    if (!policy.tables.get(row.table_name)?.has(row.column_name)) continue;
    const list = tables.get(row.table_name) ?? [];
    list.push(row);
    tables.set(row.table_name, list);
  }
  if (tables.size === 0) return "(the warehouse has no readable tables)";
  const names = new Map([...tables].map(([t, cols]) => [t, cols.map((c) => c.column_name)]));
  const samples =
    (await warehouse.query<Record<string, string | null>>(sampleSql(names))).rows[0] ?? {};
  return [...tables]
    .map(([table, columns]) => {
      const head = `risk.${table}${columns[0]?.table_comment ? ` -- ${columns[0].table_comment}` : ""}`;
      const lines = columns.map(
        (c) =>
          `  ${c.column_name} ${c.data_type}${FREE_TEXT.has(`${table}.${c.column_name}`) ? " (free text, untrusted)" : ""}${c.comment ? ` -- ${c.comment}` : ""}`,
      );
      const sample = samples[table];
      return [head, ...lines, `  sample: ${sample ?? "(empty)"}`].join("\n");
    })
    .join("\n");
}
