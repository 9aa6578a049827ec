// What model-written SQL may touch: the risk warehouse's tables and columns, and a
// closed list of functions, operators and types that read and compute — nothing
// that sleeps, writes, reads files, opens connections, changes settings or looks
// at the system catalogs. Nothing that makes rows out of nothing (generate_series)
// either, and at most `maxRelations` relations a statement (joins.ts refuses cross
// joins). Everything not named here is refused.
import { WAREHOUSE_COLUMNS } from "../../db/warehouse-tables.js";

export interface SqlPolicy {
  /** Tables of schema `risk` that may be read, with the columns that may be read. */
  tables: ReadonlyMap<string, ReadonlySet<string>>;
  /** Columns that exist but may not be read (so `*` on their table is refused). */
  hidden: ReadonlyMap<string, ReadonlySet<string>>;
  functions: ReadonlySet<string>;
  operators: ReadonlySet<string>;
  types: ReadonlySet<string>;
  /** Rows a query may return at most; a LIMIT is added or lowered to this. */
  maxRows: number;
  /** Longest SQL text accepted. */
  maxLength: number;
  /** Relations (tables, WITH references, subqueries, functions in FROM) one statement may read. */
  maxRelations: number;
}

const FUNCTIONS = [
  // aggregates
  "count",
  "sum",
  "avg",
  "min",
  "max",
  "stddev",
  "stddev_pop",
  "stddev_samp",
  "variance",
  "var_pop",
  "var_samp",
  "percentile_cont",
  "percentile_disc",
  "mode",
  "array_agg",
  "string_agg",
  "bool_and",
  "bool_or",
  "every",
  "corr",
  "covar_pop",
  "covar_samp",
  "regr_slope",
  "regr_intercept",
  "regr_count",
  "regr_r2",
  // window functions
  "row_number",
  "rank",
  "dense_rank",
  "percent_rank",
  "cume_dist",
  "ntile",
  "lag",
  "lead",
  "first_value",
  "last_value",
  "nth_value",
  // numbers
  "abs",
  "round",
  "floor",
  "ceil",
  "ceiling",
  "trunc",
  "sqrt",
  "cbrt",
  "power",
  "pow",
  "ln",
  "log",
  "log10",
  "exp",
  "sign",
  "mod",
  "div",
  "greatest",
  "least",
  "width_bucket",
  // time
  "now",
  "date_trunc",
  "date_part",
  "extract",
  "age",
  "make_interval",
  "make_date",
  "make_timestamptz",
  "justify_days",
  "justify_hours",
  "justify_interval",
  "isfinite",
  "to_timestamp",
  "to_char",
  "to_date",
  "timezone",
  "date_bin",
  "overlaps",
  // text
  "lower",
  "upper",
  "initcap",
  "length",
  "char_length",
  "character_length",
  "octet_length",
  "substring",
  "substr",
  "position",
  "strpos",
  "btrim",
  "ltrim",
  "rtrim",
  "trim",
  "split_part",
  "left",
  "right",
  "replace",
  "concat",
  "concat_ws",
  "lpad",
  "rpad",
  "reverse",
  "starts_with",
  "regexp_replace",
  "regexp_match",
  "regexp_like",
  "regexp_count",
  "md5",
  "format",
  "similar_to_escape",
  // arrays and sets
  "array_length",
  "cardinality",
  "unnest",
  "array_position",
  "array_remove",
  // network addresses
  "host",
  "network",
  "masklen",
  "family",
  "broadcast",
  "netmask",
  "set_masklen",
  "inet_same_family",
  // null handling that parses as a call
  "nullif",
  "coalesce",
  "num_nulls",
  "num_nonnulls",
];

const OPERATORS = [
  "=",
  "<>",
  "!=",
  "<",
  ">",
  "<=",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "@",
  "|/",
  "||/",
  "~~",
  "!~~",
  "~~*",
  "!~~*",
  "~",
  "~*",
  "!~",
  "!~*",
  "||",
  "<<",
  "<<=",
  ">>",
  ">>=",
  "&&",
];

const TYPES = [
  "int2",
  "int4",
  "int8",
  "smallint",
  "integer",
  "int",
  "bigint",
  "numeric",
  "decimal",
  "float4",
  "float8",
  "real",
  "double precision",
  "text",
  "varchar",
  "bpchar",
  "char",
  "character",
  "date",
  "timestamp",
  "timestamptz",
  "time",
  "interval",
  "bool",
  "boolean",
  "inet",
  "cidr",
];

/** The reference warehouse, every column readable, at most `maxRows` rows per query. */
export function warehousePolicy(maxRows = 1_000): SqlPolicy {
  return {
    tables: new Map(
      Object.entries(WAREHOUSE_COLUMNS).map(([table, columns]) => [table, new Set(columns)]),
    ),
    hidden: new Map(),
    functions: new Set(FUNCTIONS),
    operators: new Set(OPERATORS),
    types: new Set(TYPES),
    maxRows,
    maxLength: 20_000,
    maxRelations: 8,
  };
}
