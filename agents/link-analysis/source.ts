// Where a link evidence item came from: the statements that read it, in the order
// they ran, with their parameters, so an auditor can run them again. Pure.
import type { ExecutedQuery } from "../../tools/links/index.js";

export function source(queries: readonly ExecutedQuery[]) {
  return {
    locator: queries.map((q) => `-- ${q.purpose}\n${q.sql.trim()}`).join(";\n\n"),
    params: queries.map((q) => q.params),
    via: "link_analysis",
  };
}
