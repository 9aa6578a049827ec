// Calls that can make a value far larger than anything the warehouse holds:
// `format('%1000000000s', 'x')` is one gigabyte from one row, and so is a padded or
// repeatedly replaced string. Their size arguments must be small constants, and they
// may not be nested inside one another (each level multiplies); a WITH query's or a
// subquery's columns may not be built by any size-growing call (a later level could
// read them many times over); and a statement holds at most MAX_GROWERS of them. The
// byte cap where rows are read (read-only.ts) and the statement timeout (the sandbox
// on the embedded engine) are the walls behind this.
import { Refusal } from "./relation.js";
import { type Node, names } from "./tree.js";

/** Longest padded width or format field a query may ask for. */
export const MAX_WIDTH = 1_000;
/** Longest replacement text for replace() and regexp_replace(). */
export const MAX_REPLACEMENT = 64;

const AMPLIFIERS = new Set(["lpad", "rpad", "format", "replace", "regexp_replace"]);

function constant(arg: Node | undefined): number | string | undefined {
  const value = arg?.A_Const as Node | undefined;
  if (!value) return undefined;
  const int = (value.ival as Node | undefined)?.ival;
  if (typeof int === "number") return int;
  if (value.ival !== undefined) return 0;
  const text = (value.sval as Node | undefined)?.sval;
  return typeof text === "string" ? text : undefined;
}

function containsAmplifier(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsAmplifier);
  if (!value || typeof value !== "object") return false;
  for (const [key, child] of Object.entries(value as Node)) {
    if (key === "FuncCall" && AMPLIFIERS.has(names((child as Node).funcname).at(-1) ?? ""))
      return true;
    if (containsAmplifier(child)) return true;
  }
  return false;
}

/** Widths in a format() template: %[n$][-]width or *; the largest, or Infinity for *. */
function largestFormatWidth(template: string): number {
  let largest = 0;
  for (const match of template.matchAll(/%(?:\d+\$)?-?(\*|\d+)/g)) {
    const width = match[1] === "*" ? Number.POSITIVE_INFINITY : Number(match[1]);
    largest = Math.max(largest, width);
  }
  return largest;
}

/** Calls and operators whose result can be larger than their inputs. */
const GROWERS = new Set([...AMPLIFIERS, "concat", "concat_ws", "string_agg", "array_agg"]);

/** How many size-growing calls and `||` operators `value` holds. */
export function growers(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + growers(v), 0);
  if (!value || typeof value !== "object") return 0;
  let n = 0;
  for (const [key, child] of Object.entries(value as Node)) {
    if (key === "FuncCall" && GROWERS.has(names((child as Node).funcname).at(-1) ?? "")) n++;
    if (key === "A_Expr" && names((child as Node).name).at(-1) === "||") n++;
    n += growers(child);
  }
  return n;
}

/** Size-growing operations one statement may hold. */
export const MAX_GROWERS = 16;

/**
 * A WITH query's or a subquery's columns may not be built by a size-growing call: a
 * query that reads such a column several times (v || v || v …, level after level)
 * doubles a value per level, and no cost estimate sees it. Build text in the outer
 * select, where each value is made once and the byte cap applies.
 */
export function refuseAmplifiedColumns(value: unknown): void {
  if (growers(value) > 0)
    throw new Refusal(
      "a WITH query or subquery may not build its columns with ||, concat, lpad, rpad, format, replace or string/array aggregates: build text in the outer SELECT",
    );
}

/** Why a call to `name` with `args` could build an oversized value; null when it cannot. */
export function outputTooLarge(name: string, args: Node[] | undefined): string | null {
  if (!AMPLIFIERS.has(name)) return null;
  const list = args ?? [];
  if (containsAmplifier(list))
    return `${name}() may not wrap lpad, rpad, format, replace or regexp_replace: nested, they multiply a value's size`;
  if (name === "lpad" || name === "rpad") {
    const width = constant(list[1]);
    if (typeof width !== "number" || width > MAX_WIDTH)
      return `${name}() needs a constant length of at most ${MAX_WIDTH}`;
  }
  if (name === "format") {
    const template = constant(list[0]);
    if (typeof template !== "string") return "format() needs a constant template";
    if (largestFormatWidth(template) > MAX_WIDTH)
      return `format() fields may be at most ${MAX_WIDTH} wide`;
  }
  if (name === "replace" || name === "regexp_replace") {
    const replacement = constant(list[2]);
    if (typeof replacement !== "string" || replacement.length > MAX_REPLACEMENT)
      return `${name}() needs a constant replacement of at most ${MAX_REPLACEMENT} characters`;
  }
  return null;
}
