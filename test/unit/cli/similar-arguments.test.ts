// The similar command's own arguments: a seller reference and k.
import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseK, parseSellerRef } from "../../../cli/arguments.js";

describe("similar's arguments", () => {
  it("reads seller:<id> and refuses other subjects", () => {
    expect(parseSellerRef("seller:slr_00042")).toBe("slr_00042");
    for (const bad of ["slr_00042", "buyer:byr_1", "order:ord_1", "seller:", "seller:a b"])
      expect(() => parseSellerRef(bad), bad).toThrow(InvalidArgumentError);
  });

  it("reads k from 1 to 100", () => {
    expect(parseK("1")).toBe(1);
    expect(parseK("100")).toBe(100);
    for (const bad of ["0", "101", "ten", "2.5", "-3", ""])
      expect(() => parseK(bad), bad).toThrow(/from 1 to 100/);
  });
});
