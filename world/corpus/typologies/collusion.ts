// What sellers and buyers write about a collusion ring: shops that share buyer
// accounts, devices and payouts, and buy, review and refund each other.
import type { TypologyText } from "./text.js";

export const collusion: TypologyText = {
  label: "Linked shops / fake sales ring",
  keywords: ["a seller ring", "linked shops", "refund games", "shared buyer accounts"],
  titles: [
    "A ring of shops around {shop} is trading orders among itself, buyers say",
    "{shop} and the refund carousel",
    "Linked accounts, shared payouts: questions over {shop}",
    "Same buyers, same devices: how {shop} pumps its sales",
    "Are the best customers of {shop} its own partner shops?",
    "Forum sleuths map the seller network behind {shop}",
  ],
  leads: [
    "{shop}, which sells {category} from {city}, appears to be one node in a small ring of shops that buy from each other, review each other and refund each other.",
    "Buyers and rival sellers say {shop} belongs to a cluster of shops that share customer accounts, devices and even a payout account.",
    "An analysis shared by a group of sellers in {country} suggests that a large share of the orders at {shop} come from a closed circle of accounts tied to other shops.",
    "The sales figures of {shop} look healthy, but {many} recent orders were placed {span} by the same small group of accounts, several of which run shops of their own.",
    "Sellers of {category} in {country} say they keep losing rankings to {shop} and a handful of partner shops that appear to trade among themselves.",
  ],
  observations: [
    "The same buyer accounts turn up in the order history of four or five related shops, always buying and always leaving five stars.",
    "Orders are placed while a promotion runs and cancelled or refunded once the promo credit or the ranking boost has landed.",
    "Several of the shops log in from the same devices and the same IP addresses as the buyers who order from them.",
    "At least two of the linked shops are paid out to one and the same bank account.",
    "The refund reasons are nearly always 'changed my mind', filed within a day of delivery.",
    "Order values repeat across the ring, as if money were being moved around rather than goods.",
    "None of the accounts in the circle seems to buy from anyone outside it.",
    "When one shop gets a wave of orders, the others get the same wave a few days later.",
    "Messages from the shops and from their buyers are written in the same voice, with the same typos.",
    "The ring's shops share suppliers' photos, listing templates and even the same return address in {city}.",
  ],
  quotes: [
    "We kept losing the top spot for the {noun} to shops that barely existed a year ago. Then we noticed their buyers were each other.",
    "I ordered from {shop} and got a reply signed with a different shop's name.",
    "The refund pattern is too regular to be chance: buy, review, refund, repeat.",
    "When I looked at who reviewed {shop}, the same five names had reviewed every shop in its recommended-sellers box.",
    "One of their buyer accounts messaged me by mistake, asking whether 'our other shop' had received the money yet.",
    "It's one business wearing five shop fronts, and the customers are the same people too.",
  ],
  followUps: [
    "Marketplaces call this collusion: accounts working together to fake sales, rankings or promotion payouts.",
    "The marketplace said it does not comment on individual sellers.",
    "The sellers who compiled the data say they have sent it to the platform's trust team twice.",
    "Collusion rings are hard to spot one shop at a time; the pattern only shows when the accounts are looked at together.",
    "Shoppers have little way to tell; the reviews look genuine because the orders behind them are real, if circular.",
  ],
};
