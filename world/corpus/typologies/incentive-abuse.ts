// What shoppers and deal forums write about promotion abuse: new-user coupons farmed
// with many fresh accounts, all ordering from one shop.
import type { TypologyText } from "./text.js";

export const incentiveAbuse: TypologyText = {
  label: "Coupon / new-user promotion abuse",
  keywords: ["coupon farming", "welcome-code abuse", "hundreds of new accounts", "promo abuse"],
  titles: [
    "Coupon farming: {shop} linked to {many} brand-new accounts",
    "New-customer vouchers drained at {shop}, shoppers say",
    "Why do so many first-time buyers order from {shop}?",
    "{shop} and the welcome-discount loophole",
    "Promo hunters and fresh accounts: the business model of {shop}",
  ],
  leads: [
    "{shop}, {a_category} shop in {country}, has been flooded with orders from accounts opened minutes before they redeemed the marketplace's new-user discount.",
    "Deal forums have noticed that {shop} keeps appearing in guides on how to stack new-customer coupons with throwaway accounts.",
    "{many} first-time buyers placed an order at {shop} {span}, each using the welcome voucher, and most of them never came back.",
    "The marketplace's welcome offer was meant to win new customers; at {shop}, which sells {category} from {city}, it appears to have been farmed.",
    "Buyers and neighbours in {city} have noticed a steady stream of parcels from {shop} addressed to different names at the same door.",
  ],
  observations: [
    "The orders come from {many} accounts that were all created {span} and never used again.",
    "Many of the accounts share a handful of devices and delivery addresses.",
    "Each account redeems the welcome voucher exactly once, on an order just above the minimum spend.",
    "A large share of the orders were cancelled or refunded after the discount had been applied, leaving the platform to pay for the voucher.",
    "The e-mail addresses behind the accounts come largely from throwaway mail services.",
    "The same street address, with a different flat number each time, appears on dozens of orders.",
    "The voucher is funded by the marketplace, not by the shop, so the seller keeps the full price.",
    "Posts on a deal forum link straight to the {noun} listing in the shop, with instructions to use a fresh account each time.",
    "Nearly all of the buyers were registered within the same few days and logged in from the same few networks.",
  ],
  quotes: [
    "Somebody in our building gets a parcel from {shop} every day, each one addressed to a different name.",
    "There's a thread telling people to make new accounts for the welcome code and buy from {shop}. It's been going for weeks.",
    "I signed up, used the code, and the shop messaged me offering to 'refund the difference' if I cancelled.",
    "My cousin has eleven accounts and every one of them has bought the same {noun} from that shop.",
    "They don't care whether you want the item. They want the voucher money to land in their payout.",
  ],
  followUps: [
    "Platforms call this incentive or promotion abuse: new-user rewards claimed again and again by the same people.",
    "The marketplace says welcome offers are limited to one per person, but checks rely on device and address, which are easy to vary.",
    "Some deal forums have started removing threads that promote multi-account tricks.",
    "The cost of each farmed voucher falls on the marketplace, and eventually on honest sellers through higher fees.",
  ],
};
