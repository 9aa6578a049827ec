// Generated free text: shop names, shop descriptions, listing titles and reviews.
// Ordinary reviews are composed from many fragments so no two read alike;
// campaign reviews (brushing, review bombs) come from a few templates, as they do
// in real campaigns.
import type { Rng } from "./rng.js";
import { type Category, SHOP_WORDS_A, SHOP_WORDS_B } from "./vocabulary.js";

export function shopName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${rng.pick(SHOP_WORDS_A)} ${rng.pick(SHOP_WORDS_A)} ${rng.pick(SHOP_WORDS_B)}`;
    if (!taken.has(name) && !/^(\w+) \1 /.test(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${rng.pick(SHOP_WORDS_A)} ${rng.pick(SHOP_WORDS_B)} ${taken.size + 1}`;
  taken.add(name);
  return name;
}

const DESCRIPTION_OPENERS = [
  "Family-run shop since {year}.",
  "Small independent seller based in {city}.",
  "We source {noun}s directly from makers we know.",
  "Curated {category} at fair prices.",
  "Official reseller with a warehouse in {city}.",
];
const DESCRIPTION_CLOSERS = [
  "Orders ship within 2 business days.",
  "Free returns within 30 days.",
  "Questions? Message us, we answer within a day.",
  "Every item is checked before it leaves our workshop.",
  "Bulk orders welcome.",
];

export function shopDescription(rng: Rng, category: Category, city: string, year: number): string {
  const fill = (s: string) =>
    s
      .replace("{year}", String(year))
      .replace("{city}", city)
      .replace("{noun}", rng.pick(category.nouns))
      .replace("{category}", category.name.replace("_", " "));
  return `${fill(rng.pick(DESCRIPTION_OPENERS))} ${fill(rng.pick(DESCRIPTION_CLOSERS))}`;
}

export function productTitle(rng: Rng, category: Category): string {
  const noun = rng.pick(category.nouns);
  const adjective = rng.pick(category.adjectives);
  const variant = rng.chance(0.4)
    ? ` - ${rng.pick(["black", "white", "blue", "green", "grey", "red", "2-pack", "XL", "mini"])}`
    : "";
  return `${adjective[0]?.toUpperCase()}${adjective.slice(1)} ${noun}${variant}`;
}

const POSITIVE = [
  "Exactly as pictured.",
  "Really happy with this.",
  "Great quality for the price.",
  "Arrived well packed.",
  "My daughter loves it.",
  "Second time ordering, still great.",
  "Works perfectly so far.",
  "Better than expected.",
  "The seller answered my question quickly.",
  "Solid build, feels premium.",
  "Good value.",
  "Would buy again.",
];
const NEUTRAL = [
  "Does the job.",
  "Shipping took a bit longer than stated.",
  "Colour slightly different from the photo.",
  "Okay for the price.",
  "Packaging was minimal.",
  "Instructions could be clearer.",
  "Smaller than I thought.",
];
const NEGATIVE = [
  "Broke after a week.",
  "Not as described.",
  "Took three weeks to arrive.",
  "Cheap material.",
  "Seller never replied to my message.",
  "Had to return it.",
  "Stopped working after a few days.",
  "Wrong size sent.",
];
const DETAILS = [
  "Used it on a weekend trip.",
  "Bought it as a gift.",
  "Compared it with two other listings first.",
  "The {noun} fits well.",
  "Battery life is decent.",
  "Washing it did not change the colour.",
  "",
];

export function organicReview(rng: Rng, rating: number, category: Category): string {
  const main = rating >= 4 ? POSITIVE : rating === 3 ? NEUTRAL : NEGATIVE;
  const parts = [rng.pick(main)];
  if (rng.chance(0.6)) parts.push(rng.pick(DETAILS).replace("{noun}", rng.pick(category.nouns)));
  if (rng.chance(0.4))
    parts.push(rng.pick(rating >= 4 ? POSITIVE : rating === 3 ? NEUTRAL : NEGATIVE));
  if (rating >= 4 && rng.chance(0.15)) parts.push(rng.pick(NEUTRAL));
  return parts.filter(Boolean).join(" ");
}

export function organicRating(rng: Rng): number {
  return rng.weighted([
    [5, 55],
    [4, 22],
    [3, 9],
    [2, 5],
    [1, 9],
  ] as const);
}

const BRUSHING_TEMPLATES = [
  "Great product, fast shipping, highly recommend!",
  "Great product! Fast shipping. Highly recommend this seller.",
  "Very good product, fast delivery, highly recommended!",
];
const BRUSHING_SWAPS: readonly (readonly [string, readonly string[]])[] = [
  ["Great", ["Great", "Excellent", "Amazing"]],
  ["fast", ["fast", "quick", "super fast"]],
  ["recommend", ["recommend", "recommend it", "recommend!!"]],
];

/** Campaign text: near-identical five-star praise; `variation` 0 = verbatim. */
export function brushingReview(rng: Rng, variation: number): string {
  let text = rng.pick(BRUSHING_TEMPLATES);
  if (rng.chance(variation)) {
    for (const [word, options] of BRUSHING_SWAPS) text = text.replace(word, rng.pick(options));
  }
  return text;
}

const BOMB_TEMPLATES = [
  "SCAM seller, do not buy from {shop}!!!",
  "Worst shop ever. {shop} sells fakes. Avoid.",
  "Never received anything, {shop} is a fraud.",
  "Terrible. Reported {shop}. One star is too much.",
];

export function reviewBombText(rng: Rng, shop: string): string {
  return rng.pick(BOMB_TEMPLATES).replace("{shop}", shop);
}
