// What affiliate creators and analysts write about a click farm: bursts of affiliate
// clicks on one shop's listings from bots and emulators, with hardly a sale behind them.
import type { TypologyText } from "./text.js";

export const clickFarm: TypologyText = {
  label: "Affiliate click fraud / bot traffic",
  keywords: ["bot clicks", "a click farm", "affiliate fraud", "fake traffic"],
  titles: [
    "Affiliate clicks on {shop} listings came from a handful of bots, creators say",
    "Bot traffic boosts {shop} listings, but nobody buys",
    "{shop}: thousands of clicks, hardly any sales",
    "Click farm suspected behind the trending {category} of {shop}",
    "Who is clicking on {shop}? Affiliate data points to emulators",
  ],
  leads: [
    "Affiliate creators who promote {category} say the links to {shop} received a flood of clicks {span}, from what looks like a click farm.",
    "The listings of {shop} shot up the trending page after a burst of affiliate traffic, but almost none of the visits turned into orders.",
    "An analyst in {country} who tracks affiliate programmes says the traffic to {shop} has all the marks of automated clicking.",
    "{shop}, {a_category} seller from {city}, paid out for thousands of affiliate clicks {span}; buyers who ordered were barely a handful.",
    "Creators in the affiliate programme noticed that a few accounts were earning far more from {shop} links than anyone else, without any visible audience.",
  ],
  observations: [
    "The clicks arrived in bursts from a few IP addresses, minutes apart.",
    "Most of the devices behind the clicks identified as emulators rather than real phones.",
    "Conversion was close to zero: out of thousands of visits, only a couple of orders.",
    "The traffic came through a small set of affiliate accounts, which are paid per click.",
    "The sessions lasted a few seconds each and never went past the first photo of the {noun}.",
    "The same browser signatures appeared in every burst, at hours when real shoppers are asleep.",
    "Advertisers paying into the affiliate programme ended up funding the bot traffic.",
    "The spikes pushed the {noun} listing into the trending section, where it sat for days.",
    "The clicks stopped at the end of each payout period and started again as soon as the next one began.",
  ],
  quotes: [
    "My dashboard showed thousands of clicks on the {noun} in two days and two sales. That's not people.",
    "All the traffic came from the same three addresses at three in the morning.",
    "I promote {category} for a living. Real audiences don't click in perfect five-minute intervals.",
    "Those affiliate accounts have no followers and no posts, yet they outearn everyone on {shop}.",
    "We checked the devices: almost every one of them was an emulator.",
  ],
  followUps: [
    "Click fraud inflates affiliate payouts and makes listings look popular to the ranking algorithm.",
    "The affiliate network said it had withheld payouts for the suspicious clicks pending review.",
    "Experts say near-zero conversion on huge traffic is the clearest sign that the visitors are not human.",
    "Honest creators lose out twice: the budget goes to bots, and the programme's rates drop for everyone.",
  ],
};
