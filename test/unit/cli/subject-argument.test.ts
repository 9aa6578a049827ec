// `--subject type:id` is read before any command runs, without the schema library:
// it must accept and refuse exactly what the Subject schema does.
import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseSubjectArgument } from "../../../cli/arguments.js";
import { Subject } from "../../../domain/case.js";

const samples = [
  "seller:slr_09xvyiw",
  "buyer:byr_1",
  "order:ord-2026.11:7",
  "seller: slr_1 ",
  "seller:",
  "seller",
  ":slr_1",
  "vendor:slr_1",
  "seller:slr 1",
  "seller:slr_1;drop",
  `seller:${"x".repeat(128)}`,
  `seller:${"x".repeat(129)}`,
  "Seller:slr_1",
  "seller:<script>",
];

function viaSchema(text: string) {
  const at = text.indexOf(":");
  const parsed = Subject.safeParse({ type: text.slice(0, at), id: text.slice(at + 1) });
  return parsed.success ? parsed.data : null;
}

function viaArgument(text: string) {
  try {
    return parseSubjectArgument(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return null;
  }
}

describe("the --subject argument", () => {
  it.each(samples)("reads %j as the Subject schema does", (text) => {
    expect(viaArgument(text)).toEqual(viaSchema(text));
  });

  it("names the accepted forms when it refuses", () => {
    expect(() => parseSubjectArgument("vendor:1")).toThrow(/seller:ID, buyer:ID or order:ID/);
  });
});
