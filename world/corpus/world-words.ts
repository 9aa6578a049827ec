// How pages speak of the world: country names, cities, readable categories and their
// items, and the people (buyers, forum users) who write or are quoted.
import type { Rng } from "../rng.js";
import { CATEGORIES, COUNTRIES, RARE_LOGIN_COUNTRIES } from "../vocabulary.js";

// biome-ignore format: a table reads better than one pair a line
const COUNTRY_NAMES: Record<string, string> = {
  DE: "Germany", FR: "France", ES: "Spain", IT: "Italy", NL: "the Netherlands", PL: "Poland",
  GB: "the UK", US: "the US", CN: "China", TR: "Turkey", BR: "Brazil", VN: "Vietnam",
  ID: "Indonesia", UA: "Ukraine", MA: "Morocco",
};

// biome-ignore format: a table reads better than one pair a line
const CATEGORY_LABELS: Record<string, string> = {
  electronics: "electronics", phone_accessories: "phone accessories", fashion: "fashion",
  beauty: "beauty products", home_garden: "home and garden goods", toys_games: "toys and games",
  sports_outdoors: "sports and outdoor gear", books_media: "books and media",
  gift_cards: "gift cards", jewelry_watches: "jewellery and watches",
};

/** Expensive, easily resold goods a hijacked shop lists. Countable, so "{hot}s" reads. */
export const HOT_ITEMS = [
  "smartphone",
  "games console",
  "laptop",
  "tablet",
  "camera drone",
  "graphics card",
  "robot vacuum",
];

// biome-ignore format: word lists read better as a block
const FIRST_NAMES = [
  "Marta", "Jonas", "Chloé", "Luca", "Aylin", "Piotr", "Sofia", "Daan", "Hannah", "Mateo",
  "Emily", "Karim", "Lea", "Tomasz", "Giulia", "Noah", "Ines", "Felix", "Zoe", "Omar",
];
// biome-ignore format: word lists read better as a block
const HANDLE_PARTS = [
  "parcel", "deal", "quiet", "bargain", "night", "retro", "city", "coffee", "pixel", "north",
  "lucky", "rainy", "green", "tiny", "owl", "fox", "buyer", "shopper", "hunter", "cat",
];

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}

export function cityIn(rng: Rng, code: string): string {
  const country = [...COUNTRIES, ...RARE_LOGIN_COUNTRIES].find((c) => c.code === code);
  return country ? rng.pick(country.cities) : countryName(code);
}

/** "an electronics", "a fashion": the article a category label takes. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}

export function categoryLabel(name: string): string {
  return CATEGORY_LABELS[name] ?? name.replace(/_/g, " ");
}

/** An item of the category; used without an article ("the {noun}"), as some are plural. */
export function categoryNoun(rng: Rng, name: string): string {
  const category = CATEGORIES.find((c) => c.name === name) ?? rng.pick(CATEGORIES);
  return rng.pick(category.nouns);
}

export function anyCategory(rng: Rng): string {
  return rng.pick(CATEGORIES).name;
}

export function anyCountry(rng: Rng): string {
  return rng.pick(COUNTRIES).code;
}

export function personName(rng: Rng): string {
  return rng.pick(FIRST_NAMES);
}

/** A forum handle: never two words, so it cannot spell a shop name. */
export function handle(rng: Rng): string {
  const a = rng.pick(HANDLE_PARTS);
  const b = rng.pick(HANDLE_PARTS.filter((p) => p !== a));
  return rng.weighted([
    [`${a}_${b}`, 2],
    [`${a}${b}${rng.between(1, 99)}`, 2],
    [`${rng.pick(FIRST_NAMES).toLowerCase()}.${a}`, 1],
  ] as const);
}
