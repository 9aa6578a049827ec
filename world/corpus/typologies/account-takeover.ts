// What buyers and owners write about a hijacked shop: a long-standing seller that
// suddenly sells cheap expensive electronics that never ship, and an owner who says
// the account was hacked.
import type { TypologyText } from "./text.js";

export const accountTakeover: TypologyText = {
  label: "Item never delivered / seller account hacked",
  keywords: [
    "a hacked account",
    "orders never shipped",
    "suspicious electronics deals",
    "an account takeover",
  ],
  titles: [
    "{shop} says it was hacked after selling {hot}s that never shipped",
    "Hijacked shop? {shop} suddenly listed cheap {hot}s",
    "Buyers out of pocket after {shop} account takeover",
    "Long-standing seller {shop} turned into a too-good-to-be-true electronics shop overnight",
    "'It wasn't us': owner of {shop} blames hackers for fake listings",
    "Orders from {shop} never arrived - and the owner says she lost her account",
  ],
  leads: [
    "For years {shop} sold {category} from {city} without complaints. Then, almost overnight, it started offering {hot}s at half the usual price, and none of them shipped.",
    "Customers of {shop}, a long-established {category} seller in {country}, say the shop suddenly listed expensive electronics that were never delivered.",
    "The owner of {shop} says criminals took over the shop's account, changed where the money goes and used its good name to sell {hot}s that did not exist.",
    "Dozens of buyers paid {shop} for {hot}s and gift cards {span}; the owner now says the account was not under her control at the time.",
    "{shop} had years of good reviews for its {category}, which is exactly why buyers trusted its sudden {hot} deals.",
  ],
  observations: [
    "The new listings - {hot}s and gift cards at prices far below retail - appeared within hours of each other.",
    "Buyers received tracking numbers that never updated, or none at all.",
    "The owner says she received a login alert from a country she has never been to, and by the time she reacted the payout account had been changed.",
    "The new listings had nothing to do with the {category} the shop was known for.",
    "Messages sent to the shop after the change were answered in a different language and a different tone.",
    "Several buyers opened chargebacks once the promised delivery date had passed.",
    "The shop's long history of good reviews made the offers look trustworthy.",
    "The sales stopped as abruptly as they started, a few days later, once the money had been paid out.",
    "According to a screenshot the owner shared, a string of failed login attempts came just before the change.",
    "Regular customers who had bought the {noun} from the shop for years were among those who lost money.",
  ],
  quotes: [
    "I'd bought from them before, so when they had a {hot} at a great price I didn't think twice. It never came.",
    "The owner told me on the phone that her account was hacked and she's as shocked as we are.",
    "This shop sold the {noun} for as long as I can remember. Why would it suddenly sell {hot}s?",
    "My parcel 'shipped' four times according to the messages, but the tracking number doesn't exist.",
    "The owner says someone logged in, changed the bank details and emptied the account. That doesn't give me my money back.",
    "Half price on a brand-new {hot} from a shop that sells {category}. I should have known.",
  ],
  followUps: [
    "Account takeovers often target long-lived shops because their reviews lend credibility to the fake offers.",
    "The marketplace said affected buyers should file a claim under its buyer protection scheme.",
    "Security experts advise sellers to turn on two-step login and to watch for changes to payout details.",
    "The owner says she has regained access and removed the listings, but buyers are still waiting for refunds.",
    "Police in {country} have been informed, according to the owner.",
  ],
};
