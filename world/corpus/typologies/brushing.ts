// What buyers and journalists write about a brushing seller: a wave of identical
// five-star reviews, buyers who do not exist, empty parcels nobody ordered.
import type { TypologyText } from "./text.js";

export const brushing: TypologyText = {
  label: "Fake reviews / unsolicited parcels",
  keywords: ["fake reviews", "empty parcels", "identical 5-star reviews", "a review farm"],
  titles: [
    "Is {shop} buying its five-star reviews?",
    "Buyers question sudden flood of perfect ratings at {shop}",
    "{shop}: identical reviews, empty parcels and buyers who never ordered",
    "Parcels nobody ordered traced back to {shop}",
    "The strange review surge behind {shop} and its {category} listings",
    "How {shop} climbed the {category} rankings with reviews that all read the same",
  ],
  leads: [
    "{shop}, {a_category} seller based in {country}, collected {many} five-star reviews {span}, and shoppers who read them closely say they were written from the same script.",
    "Shoppers in {country} have started receiving parcels from {shop} that they never ordered, usually close to empty, and the shop's rating has climbed with every one of them.",
    "A wave of near-identical five-star reviews has pushed {shop} up the {category} search results, and several buyers now say the accounts behind them do not look real.",
    "Complaints are piling up about {shop}, which sells {category} out of {city}, after {many} glowing reviews appeared {span}.",
    "Something odd is going on with the reviews of {shop}: {many} perfect scores arrived {span}, from accounts nobody has heard of.",
  ],
  observations: [
    "Most of the reviews repeat the same handful of phrases - great product, fast shipping, highly recommend - with only a word or two swapped.",
    "Many of the reviewing accounts were created days before their first and only purchase, and none of them has reviewed anything else.",
    "The reviews land within hours of delivery, sometimes several in the same minute.",
    "Several recipients got padded envelopes holding nothing but a folded flyer, or the cheapest {noun} in the shop, which they never asked for.",
    "The orders were shipped to real addresses but paid for by accounts with no other history, the pattern the industry calls brushing.",
    "The purchases concentrate on one low-priced listing, the {noun}, priced well below anything comparable.",
    "The reviewer names follow a pattern - a first name and four digits - and the accounts were registered in batches.",
    "Taken together, the reviews moved the shop's average from an ordinary 4.1 to a near-perfect 4.9.",
    "One reader collected tracking numbers from the orders and found that most parcels weighed under fifty grams.",
    "Few of the five-star reviews mention the product at all; they praise the shipping and the seller in the same words.",
    "Several of the buyer accounts ordered from the same device and the same internet connection, one after another.",
  ],
  quotes: [
    "I got a parcel from them with an empty bag inside, and then saw a five-star review under my initials that I never wrote.",
    "Every review reads like it came off the same template. Nobody writes 'highly recommend this seller' forty times in a row.",
    "I bought the {noun} because of the rating, and it was nothing like the reviews described.",
    "My neighbour and I both received the same envelope from {shop} on the same day. Neither of us had ordered anything.",
    "When I sorted the reviews by date, dozens of them had been posted on a single afternoon.",
    "The accounts that reviewed the shop have no profile pictures, no other orders and names that look auto-generated.",
    "I only noticed because the review under mine used exactly my wording, typo included, from a buyer who joined last week.",
  ],
  followUps: [
    "Review watchers call this brushing: fake orders create verified-purchase reviews that lift a shop in the rankings.",
    "The marketplace has not said whether it removed any of the reviews.",
    "Several buyers said they had reported the reviews, but the shop's rating is unchanged.",
    "Consumer advocates advise shoppers to sort reviews by date and look for bursts of identical praise before buying.",
    "An unsolicited parcel is usually harmless, but it means your address is on someone's list of fake buyers.",
  ],
};
