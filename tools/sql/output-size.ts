// Calls that can make a value far larger than anything the warehouse holds:
// `format('%1000000000s', 'x')` is one gigabyte from one row, and so is a padded or
// repeatedly replaced string. Their size arguments must be small constants, and they
// may not be nested inside one another (each level multiplies). The byte cap where
// rows are read (read-only.ts) is the wall behind this; this keeps the engine from
// building such a value at all.
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
