import { describe, expect, it } from "vitest";
import { valuesRows } from "../../../db/values-rows.js";

describe("valuesRows", () => {
  it("numbers each row's parameters in order after the leading ones", () => {
    expect(
      valuesRows(
        [
          [1, "a"],
          [2, "b"],
        ],
        ["run"],
      ),
    ).toEqual({
      sql: "($2, $3), ($4, $5)",
      params: ["run", 1, "a", 2, "b"],
    });
  });

  it("starts at $1 without leading parameters", () => {
    expect(valuesRows([[true]])).toEqual({ sql: "($1)", params: [true] });
  });
});
