// Small text tools the corpus writers share: filling {placeholders}, fitting a body to
// the word bounds, dating a page, and naming it (URL slug, content-derived id).
import { createHash } from "node:crypto";
import type { Rng } from "../rng.js";
import { DAY_MS, MINUTE_MS } from "../sizes.js";

export const MIN_WORDS = 80;
export const MAX_WORDS = 600;

/** A placeholder's value; a function is drawn again at every use, so repeats differ. */
export type Vars = Readonly<Record<string, string | ((rng: Rng) => string)>>;

/** Fills {name} placeholders; an unknown one is a bug in a template, so it throws. */
export function fill(rng: Rng, template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`corpus template uses unknown {${key}}: ${template}`);
    return typeof value === "function" ? value(rng) : value;
  });
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Joins paragraphs into a body within the word bounds: short bodies get more paragraphs
 * from `more` (which returns null when it has nothing left), long ones lose paragraphs
 * from the end, keeping the first, which names the subject.
 */
export function fitBody(paragraphs: string[], more: () => string | null): string {
  const paras = paragraphs.filter((p) => p.trim() !== "");
  const total = () => wordCount(paras.join(" "));
  while (total() < MIN_WORDS) {
    const extra = more();
    if (extra === null) break;
    paras.push(extra);
  }
  while (total() > MAX_WORDS && paras.length > 1) paras.pop();
  return paras.join("\n\n");
}

/** An instant between `minDays` and `maxDays` before `asOf`, to the minute, as ISO 8601. */
export function publishedBefore(rng: Rng, asOf: number, minDays: number, maxDays: number): string {
  const at = asOf - rng.uniform(minDays, maxDays) * DAY_MS;
  return new Date(Math.floor(at / MINUTE_MS) * MINUTE_MS).toISOString();
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** Stable id of a page: the same page always gets the same id. */
export function docIdFor(url: string, title: string, body: string): string {
  const hash = createHash("sha256").update(`${url}\n${title}\n${body}`).digest("hex");
  return `web_${hash.slice(0, 12)}`;
}

export function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
